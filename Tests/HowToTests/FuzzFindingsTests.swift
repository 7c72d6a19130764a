import Diagnostics
import Foundation
import HowToPlan
import Testing
@testable import HowTo

/// Inputs `make fuzz` found crashing or hanging, kept as regression tests (each one an error, not a trap).
@Suite struct FuzzFindingsTests {
    /// kong-yaml crash-f63cd902: a `request-check` whose `body` is null made JSONSerialization trap
    /// ("Top-level object was not NSArray or NSDictionary"), killing `howto check`.
    @Test func requestCheckWithANullBodyIsAnError() throws {
        let input = try #require(Data(base64Encoded:
            "CnVybDogL2FueXQqaW5nCmhlYWRlcnM6Ci0gJ0NvbnRlbnQtVHlwZUEgYXBwbGljYXRpb24vanNvbicKYm9keToK4t+SmoyMnphlczoKICAgIC0gcm9sZTogdXNlcgogICAgICBjb250ZW50OiBXaGF0IGlzIFd1bGZpbGEgQmlibGU/Cg=="))
        let location = SourceLocation(file: "fuzz.md", line: 10)
        let yaml = try BlockYAML(String(decoding: input, as: UTF8.self), at: location, block: "validation request-check")
        let error = #expect(throws: DiagnosticError.self) { try ValidationBlock(type: "request-check", yaml: yaml, location: location) }
        #expect(error?.diagnostics.map(\.message).contains("`body` must be a mapping, a list or text") == true)
    }

    @Test(arguments: ["body:", "body: 5", "body: true", "body: 1.5", "body: ~"])
    func requestCheckBodiesThatAreNotJSONDocumentsAreErrors(_ line: String) throws {
        let body = "## Check\n\n{% validation request-check %}\nurl: /anything\n\(line)\n{% endvalidation %}\n"
        let (page, diagnostics, root) = try TestSupport.load(TestSupport.page(body: body))
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(page == nil)
        #expect(diagnostics.map(\.message).contains("`body` must be a mapping, a list or text"), "\(diagnostics)")
    }

    /// kong-yaml crash-17f7bf3a: a `request-check` body with a mapping as a key (`? {a: b}`) made Yams'
    /// `Node.any` force-unwrap the key as text and trap.
    @Test func requestCheckBodyWithAComplexKeyIsAnError() throws {
        let body = "## Check\n\n{% validation request-check %}\nurl: /a2a\nbody:\n  params:\n  ? m essage:\n      kind: message\n  : 1\n{% endvalidation %}\n"
        let (page, diagnostics, root) = try TestSupport.load(TestSupport.page(body: body))
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(page == nil)
        #expect(diagnostics.map(\.message).contains("`body` must be a mapping, a list or text"), "\(diagnostics)")
    }

    @Test func requestCheckBodyKeepsYAMLTypesInItsJSON() throws {
        let body = "## Check\n\n{% validation request-check %}\nurl: /x\nmethod: POST\nbody:\n  n: 5\n  ok: true\n  none: ~\n  list: [a, 1.5]\n{% endvalidation %}\n"
        let (page, diagnostics, root) = try TestSupport.load(TestSupport.page(body: body))
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(page?.plan.steps.first?.script.contains(#"--json '{"list":["a",1.5],"n":5,"none":null,"ok":true}'"#) == true, "\(page?.plan.steps.first?.script ?? "")")
    }
}
