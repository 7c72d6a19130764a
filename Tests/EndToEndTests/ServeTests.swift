import Foundation
import TestHelpers
import Testing

/// `howto serve` as a writer uses it: in headless Chromium (`serve_check.py` over DevTools), a saved heading
/// shows on the open page, a broken save shows the overlay and the fix removes it, SIGTERM stops it.
@Suite("howto serve")
struct ServeTests {
    static let python = HowtoBinary.packageRoot.appendingPathComponent(".venv/bin/python").path
    static let driver = HowtoBinary.packageRoot.appendingPathComponent("Tests/EndToEndTests/serve_check.py").path
    static let chromium = ProcessInfo.processInfo.environment["CHROMIUM"] ?? "/usr/bin/chromium"
    static let page = "/how-to/configure-hashicorp-vault-with-oauth2/"

    @Test("an edit shows without a manual reload, a broken save shows the overlay, the fix clears it, SIGTERM stops it")
    func writerLoopInChromium() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.chromium), "Chromium is missing at \(Self.chromium): apt-get install chromium")
        try #require(FileManager.default.isExecutableFile(atPath: Self.python), "the project venv is missing: scripts/deps.sh test")
        let scratch = try HowtoBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let content = scratch + "/content"
        try FileManager.default.copyItem(atPath: HowtoBinary.packageRoot.appendingPathComponent("content").path, toPath: content)
        let file = content + "/how-to/configure-hashicorp-vault-with-oauth2.md"
        let outcome = try await HowtoBinary.run(executable: Self.python, [
            Self.driver, "--howto", HowtoBinary.path, "--content", content, "--page", Self.page, "--file", file,
            "--edits", "3", "--screenshots", scratch, "--chromium", Self.chromium,
        ], in: scratch)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any],
                                  "the driver printed no JSON: \(outcome.stdout) \(outcome.stderr)")
        try #require(report["error"] == nil, "the serve driver failed: \(report["error"] ?? "")")

        #expect(report["scriptLoaded"] as? Bool == true, "the served page has no live-reload script")
        #expect(report["editedHeadingShown"] as? Bool == true, "the edited heading never showed on the open page")
        #expect(report["updatedInPlace"] as? Bool == true, "the page was reloaded instead of updated in place")
        #expect(report["scrollKept"] as? Bool == true, "the update lost the reader's scroll position")
        #expect(report["tabsWorkAfterSwap"] as? Bool == true, "the swapped-in page's tabs do not work")
        let overlay = report["overlayText"] as? String ?? ""
        #expect(overlay.contains("configure-hashicorp-vault-with-oauth2.md:"), "the overlay does not name the file: \(overlay)")
        #expect(overlay.range(of: #"\.md:\d+:\d+: error: `if` is never closed"#, options: .regularExpression) != nil,
                "the overlay does not show file:line:col and the error: \(overlay)")
        #expect(report["pageKeptWhileBroken"] as? Bool == true)
        #expect(report["overlayGoneAfterFix"] as? Bool == true, "the fix did not remove the overlay")
        let timing = try #require(report["timing"] as? [String: Any], "no timed edit reached the page: \(report["missedEdits"] ?? "")")
        #expect(timing["edits"] as? Int == 3)
        #expect((report["consoleProblems"] as? [String])?.isEmpty == true, "console: \(report["consoleProblems"] ?? "")")
        #expect(report["serverExit"] as? Int == 0, "SIGTERM did not stop the server cleanly: \(report["serverExit"] ?? "")")
        let output = report["serverOutput"] as? [String] ?? []
        #expect(output.last == "stopped")
        #expect(output.contains { $0.hasPrefix("rebuilt how-to/configure-hashicorp-vault-with-oauth2/index.html in ") },
                "a body edit rebuilt more than its page: \(output)")
        let errors = report["serverErrors"] as? [String] ?? []
        #expect(errors.contains { $0.contains(".md:") && $0.contains(": error: ") }, "the console did not show the error: \(errors)")
    }

    @Test("content with no how-to: exit 2 with the reason, no server")
    func nothingToServe() async throws {
        let scratch = try HowtoBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.createDirectory(atPath: scratch + "/content/how-to", withIntermediateDirectories: true)
        let outcome = try await HowtoBinary.run(["serve", "--content", "content", "--port", "0"], in: scratch)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("no how-to found"), "\(outcome.stderr)")
        #expect(!outcome.stdout.contains("serving"))
    }

    @Test("a port already in use: exit 2 naming it, nothing left behind")
    func portInUse() async throws {
        let scratch = try HowtoBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let (socket, port) = try LocalPort.listening()
        defer { close(socket) }
        let content = HowtoBinary.packageRoot.appendingPathComponent("content").path
        let outcome = try await HowtoBinary.run(["serve", "--content", content, "--port", "\(port)"], in: scratch)
        #expect(outcome.status == 2, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stderr.contains("cannot serve on 127.0.0.1:\(port)") && outcome.stderr.contains("--port"), "\(outcome.stderr)")
        #expect(!outcome.stdout.contains("serving"))
    }
}
