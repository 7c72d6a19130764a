import Diagnostics
import Foundation
import Testing
@testable import HowTo

/// Every file in `Malformed/` gives its expected diagnostic (file:line:col, severity, message fragment).
@Suite struct MalformedCorpusTests {
    struct Expectation: Decodable, Sendable, CustomTestStringConvertible {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var contains: String
        var strict: Bool?
        var testDescription: String { "\(file) \(strict == true ? "(strict)" : "")" }
    }

    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Malformed")

    static let expectations: [Expectation] = {
        let data = try! Data(contentsOf: directory.appendingPathComponent("expected.json"))
        return try! JSONDecoder().decode([Expectation].self, from: data)
    }()

    /// A content root with site data and one real include, shared by the corpus.
    static let contentRoot: String = try! TestSupport.scratchContent([
        "_includes/cleanup/products/gateway.md": "```sh\ndeck gateway reset -f\n```\n",
    ])

    static func load(_ name: String, strict: Bool) -> (HowToPage?, [Diagnostic], String) {
        let path = directory.appendingPathComponent(name).path
        let loader = ContentLoader(root: contentRoot, strict: strict)
        let (page, diagnostics) = loader.load(page: path, site: try! loader.loadSite())
        return (page, diagnostics, path)
    }

    @Test(arguments: expectations)
    func givesTheExpectedDiagnostic(_ expected: Expectation) {
        let (page, diagnostics, path) = Self.load(expected.file, strict: expected.strict ?? false)
        let match = diagnostics.first {
            $0.location.file == path && $0.location.line == expected.line && $0.location.column == expected.column
                && $0.severity.rawValue == expected.severity && $0.message.contains(expected.contains)
        }
        #expect(match != nil, "expected \(expected.line):\(expected.column) \(expected.severity) '\(expected.contains)', got:\n\(diagnostics.map(\.description).joined(separator: "\n"))")
        if expected.severity == "error" {
            #expect(page == nil, "a page with errors must not be produced")
        } else {
            #expect(!diagnostics.hasErrors, "a warning-only file must not have errors: \(diagnostics)")
        }
    }

    @Test func everyCorpusFileHasAnExpectation() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0.hasSuffix(".md") }
        #expect(files.count >= 20)
        let covered = Set(Self.expectations.map(\.file))
        #expect(Set(files).subtracting(covered).isEmpty, "files without expectations: \(Set(files).subtracting(covered).sorted())")
    }

    @Test func tenMegabyteFileIsReadWithoutCrashing() throws {
        var text = "---\ntitle: Huge\ncontent_type: how_to\nproducts:\n  - gateway\nworks_on:\n  - on-prem\n---\n## Big\n\n```sh\necho big\n```\n"
        let line = String(repeating: "Lorem ipsum {{ site.base_gateway }} dolor sit amet, `code` and *emphasis*. ", count: 1) + "\n\n"
        while text.utf8.count < 10 * 1024 * 1024 { text += line }
        text += "{% if true %}\nnever closed\n"
        let root = try TestSupport.scratchContent(["how-to/huge.md": text])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loader = ContentLoader(root: root)
        let (page, diagnostics) = loader.load(page: root + "/how-to/huge.md", site: try loader.loadSite())
        #expect(page == nil)
        let unclosed = try #require(diagnostics.first { $0.severity == .error })
        #expect(unclosed.location.line > 200_000, "the unclosed block near the end must be located there: \(unclosed)")
    }
}
