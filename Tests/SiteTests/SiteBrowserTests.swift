import Foundation
import Site
import Runner
import Testing

/// The built site in a real browser: headless Chromium driven by `browser_check.py` over DevTools.
@Suite("Site in a real browser")
struct SiteBrowserTests {
    static let referencePage = "/how-to/configure-hashicorp-vault-with-oauth2/"
    static let python = SiteFixture.repository.appendingPathComponent(".venv/bin/python").path
    static let driver = SiteFixture.repository.appendingPathComponent("Tests/SiteTests/browser_check.py").path
    static let chromium = ProcessInfo.processInfo.environment["CHROMIUM"] ?? "/usr/bin/chromium"

    /// Runs the driver and decodes its JSON report; a missing prerequisite is a failure, not a skip.
    private func runDriver(site: String) throws -> [String: Any] {
        try #require(FileManager.default.isExecutableFile(atPath: Self.chromium),
                     "Chromium is missing at \(Self.chromium): apt-get install chromium (or set CHROMIUM)")
        try #require(FileManager.default.isExecutableFile(atPath: Self.python),
                     "the project venv is missing: python3 -m venv .venv && .venv/bin/pip install websocket-client")
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: Self.python)
        probe.arguments = ["-c", "import websocket"]
        try probe.run()
        probe.waitUntilExit()
        try #require(probe.terminationStatus == 0, "websocket-client is missing: .venv/bin/pip install websocket-client")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Self.driver, "--site", site, "--page", Self.referencePage, "--query", "Hashicorp Vault",
                             "--screenshot", "/tmp/howto-site.png", "--full-screenshot", "/tmp/howto-site-full.png",
                             "--chromium", Self.chromium]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any],
                                  "the driver printed no JSON: \(String(decoding: data, as: UTF8.self))")
        try #require(report["error"] == nil, "the browser driver failed: \(report["error"] ?? "")")
        return report
    }

    @Test("search, tabs and copy buttons work in headless Chromium without console errors")
    func referencePageInChromium() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("site-browser-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site").path
        let content = SiteFixture.repository.appendingPathComponent("content").path
        // The reference how-to verified, the token how-to failed: the badge and the listing filter.
        let reports = root.appendingPathComponent("results").path
        try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
        try VerificationTests.report(content + "/how-to/configure-hashicorp-vault-with-oauth2.md", verdict: .passed,
                                     statuses: [.passed, .passed], vault: .live, finished: Date())
            .write(toFile: reports + "/oauth2.json", atomically: true, encoding: .utf8)
        try VerificationTests.report(content + "/how-to/configure-hashicorp-vault-as-a-vault-backend.md", verdict: .failed,
                                     statuses: [.passed, .failed], vault: .mock, finished: Date())
            .write(toFile: reports + "/token.json", atomically: true, encoding: .utf8)
        var builder = SiteBuilder(contentRoot: content, templatesRoot: SiteFixture.templates, outputDir: site)
        builder.results = try VerificationResults(paths: [reports])
        _ = try await builder.build()

        let report = try runDriver(site: site)

        let results = report["searchResults"] as? [[String: Any]] ?? []
        #expect(results.contains { $0["url"] as? String == Self.referencePage },
                "typing \"Hashicorp Vault\" did not list the reference page: \(results)")
        #expect(report["searchVisible"] as? Bool == true)

        let before = try #require(report["tabsBefore"] as? [String: Any], "the reference page has no tabs")
        #expect(before["selected"] as? [Bool] == [true, false])
        #expect(before["visible"] as? [Bool] == [true, false])
        let afterClick = try #require(report["tabsAfterClick"] as? [String: Any])
        #expect(afterClick["selected"] as? [Bool] == [false, true], "a click on the second tab did not select it")
        #expect(afterClick["visible"] as? [Bool] == [false, true], "the second panel is not the only one shown")
        let afterKey = try #require(report["tabsAfterArrowLeft"] as? [String: Any])
        #expect(afterKey["selected"] as? [Bool] == [true, false], "ArrowLeft did not move back to the first tab")
        #expect(afterKey["focused"] as? Int == 0)

        let copyButtons = report["copyButtons"] as? Int ?? 0
        #expect(copyButtons > 0)
        #expect(copyButtons <= report["codeBlocks"] as? Int ?? 0)
        #expect(report["copyButtonText"] as? String == "Copied!")
        #expect(report["copiedMatches"] as? Bool == true, "the clipboard does not hold the code block: \(report)")

        let topology = try #require(report["topology"] as? [String: Any])
        #expect(topology["page"] as? String == "on-prem")
        #expect(topology["otherBlocks"] as? Int ?? 0 > 0, "the reference page has Konnect-only cleanup")
        #expect(topology["otherVisible"] as? Int == 0, "Konnect-only content is shown on an on-prem page")

        let badge = try #require(report["verification"] as? [String: Any], "no verification badge on the page")
        #expect(badge["visible"] as? Bool == true)
        #expect(badge["verdict"] as? String == "passed")
        #expect((badge["text"] as? String ?? "").contains("Verified 2 of 2 steps passed · live Vault (OpenBao 2.7.2)"))
        #expect(badge["border"] as? String == "rgb(4, 120, 87)", "the passed badge has the tip colour: \(badge)")
        let cards = report["listingCards"] as? Int ?? 0
        #expect(cards >= 6)
        #expect(report["listingCardsVerifiedOnly"] as? Int == 1, "only the verified how-to stays listed: \(report)")

        #expect(report["consoleErrors"] as? [String] == [], "console errors: \(report["consoleErrors"] ?? "")")
        #expect(FileManager.default.fileExists(atPath: "/tmp/howto-site.png"))
    }
}
