import Diagnostics
import Foundation
import HowToPlan
import Runner
import Site
import Testing

/// `howto build --results`: each page shows its last verification from `howto test`'s JSON reports.
@Suite struct VerificationTests {
    /// A report as `howto test --report json:` writes it, of `file` with `statuses` for its steps.
    static func report(_ file: String, verdict: TutorialResult.Verdict, statuses: [StepResult.Status],
                       vault: VaultMode, finished: Date) throws -> String {
        let steps = statuses.enumerated().map { i, status in
            StepResult(step: Step(id: "s\(i)", section: "Section \(i + 1)", kind: .shell, script: "true",
                                  location: SourceLocation(file: file, line: 10 + i, column: 1)), status: status)
        }
        let result = TutorialResult(file: file, title: "T", verdict: verdict, steps: steps)
        return try JSONReport.render([result], run: RunFacts(vault: vault, vaultVersion: "OpenBao 2.7.2", gateway: "3.13", finished: finished))
    }

    @Test func pagesAndListingsShowTheLastVerification() async throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let results = fixture.root.appendingPathComponent("results").path
        try FileManager.default.createDirectory(atPath: results, withIntermediateDirectories: true)
        let rotate = fixture.content + "/how-to/rotate-secrets.md"
        let second = fixture.content + "/how-to/second-guide.md"
        let old = Date(timeIntervalSince1970: 1_700_000_000), new = Date(timeIntervalSince1970: 1_800_000_000)
        try Self.report(rotate, verdict: .failed, statuses: [.passed, .failed, .skipped], vault: .mock, finished: old)
            .write(toFile: results + "/a-old.json", atomically: true, encoding: .utf8)
        try Self.report(rotate, verdict: .passed, statuses: [.passed, .passed, .passed], vault: .live, finished: new)
            .write(toFile: results + "/b-new.json", atomically: true, encoding: .utf8)
        try Self.report(second, verdict: .failed, statuses: [.passed, .failed], vault: .mock, finished: new)
            .write(toFile: results + "/c.json", atomically: true, encoding: .utf8)

        var builder = SiteBuilder(contentRoot: fixture.content, templatesRoot: SiteFixture.templates, outputDir: fixture.output)
        builder.results = try VerificationResults(paths: [results])
        _ = try await builder.build()

        let passed = try fixture.read("how-to/rotate-secrets/index.html")
        #expect(passed.contains("<p class=\"verification verification-passed\" data-verdict=\"passed\"><span class=\"verification-label\">Verified</span> 3 of 3 steps passed · live Vault (OpenBao 2.7.2) · Kong Gateway 3.13 · <time datetime=\"2027-01-15T08:00:00Z\">2027-01-15 08:00 UTC</time></p>"),
                "the newer run wins, whatever the file order")
        let failed = try fixture.read("how-to/second-guide/index.html")
        #expect(failed.contains("<span class=\"verification-label\">Verification failed</span> 1 of 2 steps passed · mock Vault"))
        #expect(failed.contains("failed at “Section 2” (line 11)"))
        let index = try fixture.read("how-to/index.html")
        #expect(index.contains("id=\"verified-only\""))
        #expect(index.contains("<li class=\"page-card\" data-verdict=\"passed\">") && index.contains("<li class=\"page-card\" data-verdict=\"failed\">"))

        // Without results, pages look as they did.
        _ = try await SiteBuilder(contentRoot: fixture.content, templatesRoot: SiteFixture.templates, outputDir: fixture.output).build()
        #expect(!(try fixture.read("how-to/rotate-secrets/index.html")).contains("class=\"verification"))
        #expect(!(try fixture.read("how-to/index.html")).contains("verified-only"))
    }

    @Test func aFileThatIsNotAReportIsBadInput() throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let bad = fixture.root.appendingPathComponent("junit.json").path
        try #"{"tool": "howto", "summary": {}}"#.write(toFile: bad, atomically: true, encoding: .utf8)
        #expect { try VerificationResults(paths: [bad]) } throws: { "\($0)".contains("no `tutorials`") }
        #expect { try VerificationResults(paths: [fixture.root.path + "/nosuch"]) } throws: { "\($0)".contains("no such results file") }
    }
}
