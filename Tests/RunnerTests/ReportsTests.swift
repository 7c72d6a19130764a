import Diagnostics
import Foundation
import HowToPlan
import Testing
@testable import Runner

@Suite struct ReportsTests {
    private func failedResult() async throws -> TutorialResult {
        let plan = TestSupport.plan([
            try TestSupport.step("s1", "echo '<ok & fine>'", line: 5),
            try TestSupport.step("s2", "echo bad; exit 2", line: 17),
            try TestSupport.step("s3", "echo skipped", line: 20),
        ], cleanup: [try TestSupport.step("c1", "true", phase: .cleanup, line: 3)])
        return await TestSupport.run(plan)
    }

    @Test func junitIsAcceptedByTheSchemaAndNamesTheFailingLine() async throws {
        let result = try await failedResult()
        let run = RunFacts(vault: .live, vaultVersion: "OpenBao 2.7.2", gateway: "3.13", howto: "howto 1.2.3 (commit abc)",
                           finished: Date(timeIntervalSince1970: 1_800_000_000))
        let xml = JUnitReport.render([result], run: run)
        let dir = NSTemporaryDirectory() + "howto-junit-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try xml.write(toFile: dir + "/report.xml", atomically: true, encoding: .utf8)
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("junit.xsd").path
        let xmllint = Process()
        xmllint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        xmllint.arguments = ["--noout", "--schema", schema, dir + "/report.xml"]
        let pipe = Pipe()
        xmllint.standardError = pipe
        try xmllint.run()
        xmllint.waitUntilExit()
        let stderr = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(xmllint.terminationStatus == 0, "xmllint: \(stderr)")
        #expect(xml.contains(#"line="17""#))
        #expect(xml.contains(#"<failure message="expected exit code 0, got 2" type="failed">"#))
        #expect(xml.contains("&lt;ok &amp; fine&gt;"))
        #expect(xml.contains(#"tests="4" failures="1" skipped="1""#))
        #expect(xml.contains(#"<properties><property name="howto" value="howto 1.2.3 (commit abc)"/><property name="vault" value="live"/><property name="vault_version" value="OpenBao 2.7.2"/><property name="gateway_version" value="3.13"/><property name="finished_at" value="2027-01-15T08:00:00Z"/></properties>"#))
        let json = try JSONReport.render([result], run: run)
        #expect(json.contains(#""howto" : "howto 1.2.3 (commit abc)""#) && json.contains(#""vaultVersion" : "OpenBao 2.7.2""#))
    }

    @Test func jsonReportRoundTrips() async throws {
        let result = try await failedResult()
        let json = try JSONReport.render([result])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let tutorials = try #require(object["tutorials"] as? [[String: Any]])
        #expect(tutorials.first?["verdict"] as? String == "failed")
        let steps = try #require(tutorials.first?["steps"] as? [[String: Any]])
        #expect(steps.map { $0["status"] as? String } == ["passed", "failed", "skipped"])
    }

    @Test func githubAnnotationPointsAtTheFailure() async throws {
        let result = try await failedResult()
        let annotations = GitHubReport.annotations([result])
        #expect(annotations == "::error file=test.md,line=17,title=howto%3A Section s2::expected exit code 0, got 2\n")
        #expect(GitHubReport.summary([result], environment: [:]).contains("| Test how-to | failed | 1/3 |"))
    }

    @Test func jobSummaryShowsTheFailingOutputAndLinksTheLine() async throws {
        let result = try await failedResult()
        let plain = GitHubReport.summary([result], environment: [:])
        #expect(plain.contains("failed at `test.md:17` (Section s2)"))
        #expect(plain.contains("<details><summary>Last 1 lines of the step's output</summary>\n\n```text\nbad\n```\n\n</details>"))
        let github = ["GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "kong/docs", "GITHUB_SHA": "abc123",
                      "GITHUB_WORKSPACE": "/home/runner/work/docs"]
        #expect(GitHubReport.summary([result], environment: github)
            .contains("failed at [`test.md:17`](https://github.com/kong/docs/blob/abc123/test.md#L17)"))
        let absolute = SourceLocation(file: "/home/runner/work/docs/app/_how-tos/a b.md", line: 3, column: 1)
        #expect(GitHubReport.place(absolute, github) == "[`/home/runner/work/docs/app/_how-tos/a b.md:3`](https://github.com/kong/docs/blob/abc123/app/_how-tos/a%20b.md#L3)")
        #expect(GitHubReport.place(SourceLocation(file: "/elsewhere/x.md", line: 1, column: 1), github) == "`/elsewhere/x.md:1`",
                "a file outside the workspace is not linked")
        let long = (1...30).map { "line \($0)" }.joined(separator: "\n") + "\n```\n"
        let tail = GitHubReport.lastLines(of: long)
        #expect(tail.contains("Last 20 lines") && !tail.contains("line 10\n") && tail.contains("line 30\n```\n````"),
                "the last 20 lines, in a fence longer than the backticks inside: \(tail)")
    }

    @Test func reproScriptReplaysUpToTheFailure() async throws {
        let result = try await failedResult()
        let script = try #require(ReproScript.make(result))
        #expect(script.contains("echo '<ok & fine>'"))
        #expect(script.contains("echo bad; exit 2"))
        #expect(!script.contains("echo skipped"))
        #expect(script.contains("failed at test.md:17:1"))
    }

    @Test func consoleShowsProgressLinesWithoutColour() async throws {
        let buffer = Buffer()
        let console = ConsoleReporter(colour: false, interactive: false) { buffer.append($0) }
        let plan = TestSupport.plan([try TestSupport.step("s1", "true", line: 2), try TestSupport.step("s2", "echo out; false", line: 3)])
        let result = await TutorialRunner(configuration: TestSupport.configuration(), observer: console).run(plan)
        console.summary([result])
        let text = buffer.text
        #expect(text.contains("[1/2] Section s1 … ok "))
        #expect(text.contains("    │ out\n"))
        #expect(text.contains("FAILED"))
        #expect(text.contains("↳ expected exit code 0, got 1: `echo out; false` at test.md:4 exited 1 (test.md:3:1)"))
        #expect(text.contains("0 passed, 1 failed, 0 skipped"))
        #expect(!text.contains("\u{1B}["))
    }

    final class Buffer: @unchecked Sendable {
        private let lock = NSLock()
        private var storage = ""
        func append(_ s: String) { lock.withLock { storage += s } }
        var text: String { lock.withLock { storage } }
    }
}
