import TestHelpers
import Diagnostics
import HowToPlan
import Testing
@testable import Runner

@Suite struct RequestValidatorTests {
    @Test func expandsSessionVariables() {
        let vars = ["HOST": "127.0.0.1", "PORT": "8200"]
        #expect(RequestValidator.expand("http://$HOST:${PORT}/v1/$MISSING/x", variables: vars) == "http://127.0.0.1:8200/v1//x")
        #expect(RequestValidator.expand("cost $5", variables: vars) == "cost ")
        #expect(RequestValidator.expand("a $ b", variables: vars) == "a $ b")
    }

    @Test func looksUpDottedJSONPaths() {
        let json: [String: Any] = ["data": ["items": [["name": "a"], ["name": "b"]], "count": 2]]
        #expect(RequestValidator.lookup("data.items.1.name", in: json) as? String == "b")
        #expect(RequestValidator.lookup("data.count", in: json).map(RequestValidator.text) == "2")
        #expect(RequestValidator.lookup("data.items.5.name", in: json) == nil)
    }

    @Test func checksStatusBodyAndExtractsIntoTheSession() async throws {
        let port = LocalPort.free()
        let server = try TestSupport.step(
            "s1", "mkdir -p api && printf '{\"data\":{\"id\":\"abc-42\",\"ok\":true}}' > api/item.json && exec python3 -u -m http.server \(port) --bind 127.0.0.1",
            kind: .background, ["ready": "tcp:127.0.0.1:\(port)"])
        let passing = Step(
            id: "s2", section: "Check", kind: .validation, script: "",
            validation: .requestCheck(RequestCheck(url: "http://127.0.0.1:$PORT/api/item.json", status: 200, bodyContains: "abc-42",
                                                   jsonEquals: ["data.ok": "1"], extract: ["ITEM_ID": "data.id"])),
            location: SourceLocation(file: "t.md", line: 9))
        let usesExtract = try TestSupport.step("s3", "echo \"id=$ITEM_ID\"", ["expect": "id=abc-42"])
        let wrongStatus = Step(
            id: "s4", section: "Missing", kind: .validation, script: "",
            validation: .requestCheck(RequestCheck(url: "http://127.0.0.1:$PORT/nope", status: 200)), location: SourceLocation(file: "t.md", line: 20))
        let setPort = try TestSupport.step("s0", "PORT=\(port)")
        let result = await TestSupport.run(TestSupport.plan([setPort, server, passing, usesExtract, wrongStatus]))
        #expect(result.steps.map(\.status) == [.passed, .passed, .passed, .passed, .failed], "\(result.steps.map { $0.message ?? "" })")
        #expect(result.steps[4].message == "expected status 200, got 404")
    }
}
