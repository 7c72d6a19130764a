import Foundation
import Testing
import TestHelpers
#if canImport(Glibc)
import Glibc
#endif

/// `howto walk` driven in a real pseudo-terminal (tmux): keys in, screen out. The reference tutorial binds
/// 127.0.0.1:8200, so these run one at a time.
@Suite(.serialized) struct WalkEndToEndTests {
    static let root = HowtoBinary.packageRoot.path
    static let reference = root + "/content/how-to/configure-hashicorp-vault-with-oauth2.md"
    static let content = root + "/content"
    static let walkFixtures = HowtoBinary.fixtures + "/walk"

    /// A walk of the reference tutorial with `--fixtures` in a fresh working directory.
    private func referenceWalk(_ extra: String = "", environment: [String: String] = [:]) async throws -> TmuxSession {
        let directory = try HowtoBinary.temporaryDirectory()
        return try await TmuxSession("\(HowtoBinary.path) walk \(Self.reference) --content \(Self.content) --fixtures \(extra)", in: directory, environment: environment)
    }

    /// Answers Enter when step N's prompt is the (N + offset)th run prompt on the screen, for N in `range`.
    private func run(_ range: ClosedRange<Int>, in walk: TmuxSession, offset: Int = 0) async throws {
        for step in range {
            try await walk.wait(for: "[Enter run", count: step + offset)
            try await walk.send("Enter")
        }
    }

    private func leftovers(_ directory: String) -> [Int32] {
        ProcessTable.processes(containing: directory + "/.howto-walk") + ProcessTable.processes(containing: "-dev-listen-address=127.0.0.1:8200")
    }

    @Test func walksTheWholeReferenceTutorialWithFixtures() async throws {
        let walk = try await referenceWalk()
        defer { walk.close() }
        try await walk.wait(for: "Configure HashiCorp Vault as a vault backend with OAuth2")
        try await walk.wait(for: "--fixtures supplies: DECK_DOMAIN=")
        try await run(1...15, in: walk)
        try await walk.wait(for: "cleanup steps now? [Y/n]")
        try await walk.send("Enter")
        let screen = try await walk.wait(for: "Tutorial complete: all 15 steps passed.")
        #expect(try await walk.exitStatus() == 0)
        #expect(screen.contains("━━ Configure the JWT auth method"), "sections are shown")
        #expect(screen.contains("ℹ Note"), "callouts are marked")
        #expect(screen.contains("│ my-password"), "step output streams")
        #expect(screen.contains("Validation passed: `kong vault get {vault://hashicorp-vault/password/pass1}` printed \"my-password\""))
        #expect(screen.contains("Stopping 1 background service: vault server -dev"))
        #expect(!screen.contains("Clean up Konnect environment"), "only the on-prem cleanup is shown")
        #expect(!FileManager.default.fileExists(atPath: walk.directory + "/.howto-walk"), "a finished walk removes its progress")
        #expect(leftovers(walk.directory).isEmpty)
    }

    @Test func skippingARequiredStepMakesTheValidationFailWithItsMessage() async throws {
        let walk = try await referenceWalk()
        defer { walk.close() }
        try await run(1...7, in: walk)
        try await walk.wait(for: "[Enter run", count: 8)
        try await walk.type("s")
        try await walk.wait(for: "⤼ skipped")
        try await run(9...15, in: walk)
        let screen = try await walk.wait(for: "✘ failed")
        #expect(screen.contains("expected `kong vault get {vault://hashicorp-vault/password/pass1}` to print \"my-password\", got"))
        try await walk.wait(for: "[Enter retry")
        try await walk.type("q")
        #expect(try await walk.exitStatus() == 1, "a failed validation is a failed walk")
        let progress = try String(contentsOfFile: walk.directory + "/.howto-walk/configure-hashicorp-vault-with-oauth2/progress.json", encoding: .utf8)
        #expect(progress.contains("\"skipped\""))
        #expect(!progress.contains("\"s15\""), "the failed step is where a resume starts")
        #expect(leftovers(walk.directory).isEmpty)
    }

    @Test func editingACommandInTheEditorChangesWhatRuns() async throws {
        let walk = try await referenceWalk(environment: ["EDITOR": "sed -i s/pass1=my-password/pass1=edited-value/", "VISUAL": ""])
        defer { walk.close() }
        try await run(1...7, in: walk)
        try await walk.wait(for: "[Enter run", count: 8)
        try await walk.type("e")
        try await walk.wait(for: "The step now runs:")
        try await walk.wait(for: "vault kv put secret/password pass1=edited-value")
        // The prompt comes again after the edit: one more than the step number from here on.
        try await run(8...15, in: walk, offset: 1)
        let screen = try await walk.wait(for: "✘ failed")
        #expect(screen.contains("to print \"my-password\", got \"edited-value\""), "the edited command ran")
        try await walk.type("q")
        #expect(try await walk.exitStatus() == 1)
        let progress = try String(contentsOfFile: walk.directory + "/.howto-walk/configure-hashicorp-vault-with-oauth2/progress.json", encoding: .utf8)
        #expect(progress.contains("pass1=edited-value"), "the edited script is saved for --resume")
    }

    @Test func quitThenResumeContinuesWhereTheReaderStopped() async throws {
        let walk = try await referenceWalk()
        defer { walk.close() }
        try await run(1...5, in: walk)
        try await walk.wait(for: "[Enter run", count: 6)
        try await walk.type("q")
        let quit = try await walk.wait(for: "Continue with:")
        #expect(quit.contains("Progress saved: 5 of 15 steps done."))
        #expect(quit.contains("Stopping 1 background service: vault server -dev"))
        #expect(try await walk.exitStatus() == 0)
        #expect(leftovers(walk.directory).isEmpty, "quitting stops the services")

        let resumed = try await TmuxSession("\(HowtoBinary.path) walk \(Self.reference) --content \(Self.content) --fixtures --resume", in: walk.directory)
        defer { resumed.close() }
        let screen = try await resumed.wait(for: "[Enter run")
        #expect(screen.contains("Resuming: 5 of 15 steps were done."))
        #expect(screen.contains("Running steps 1–5 silently first…"), "the stopped server and the restarted provider are replayed")
        #expect(screen.contains("Step 6 of 15"))
        #expect(!screen.contains("Step 5 of 15"), "done steps are not asked again")
        #expect(!screen.contains("Success! Enabled jwt auth method"), "replayed steps run silently")
        try await run(6...15, in: resumed, offset: -5)
        try await resumed.wait(for: "cleanup steps now? [Y/n]")
        try await resumed.type("n")
        try await resumed.wait(for: "Tutorial complete: all 15 steps passed.")
        #expect(try await resumed.exitStatus() == 0)
        #expect(leftovers(walk.directory).isEmpty)
    }

    @Test func ctrlCInTheMiddleLeavesNoProcessBehind() async throws {
        let walk = try await referenceWalk()
        defer { walk.close() }
        try await run(1...4, in: walk)
        try await walk.wait(for: "[Enter run", count: 5)
        #expect(!ProcessTable.processes(containing: "-dev-listen-address=127.0.0.1:8200").isEmpty, "the dev server runs")
        try await walk.send("C-c")
        let screen = try await walk.wait(for: "Continue with:")
        #expect(screen.contains("Interrupted. Progress saved: 4 of 15 steps done."))
        #expect(try await walk.exitStatus() == 130)
        #expect(leftovers(walk.directory).isEmpty)
    }

    @Test func ctrlCDuringARunningStepStopsItAndTheServices() async throws {
        let directory = try HowtoBinary.temporaryDirectory()
        let port = try LocalPort.free()
        let marker = "howto-walk-e2e-\(port)"
        let walk = try await TmuxSession(
            "\(HowtoBinary.path) walk \(HowtoBinary.fixtures)/content/how-to/slow.md --content \(HowtoBinary.fixtures)/content", in: directory,
            environment: ["E2E_PORT": "\(port)", "E2E_MARKER": marker])
        defer { walk.close() }
        try await run(1...2, in: walk)
        try await walk.wait(for: "Step 2 of 2")
        try await Task.sleep(for: .milliseconds(500))
        #expect(!ProcessTable.processes(containing: "60.\(port)").isEmpty, "the slow step runs")
        try await walk.send("C-c")
        let screen = try await walk.wait(for: "Continue with:")
        #expect(screen.contains("Interrupted. Progress saved: 1 of 2 steps done."))
        #expect(try await walk.exitStatus() == 130)
        #expect(ProcessTable.processes(containing: "60.\(port)").isEmpty, "the step was killed")
        #expect(ProcessTable.processes(containing: marker).isEmpty, "the server was stopped")
    }

    @Test func fromRunsTheEarlierStepsSilently() async throws {
        let walk = try await referenceWalk("--from 15")
        defer { walk.close() }
        let screen = try await walk.wait(for: "[Enter run")
        #expect(screen.contains("Running steps 1–14 silently first…"))
        #expect(screen.contains("✔ steps 1–14 done"))
        #expect(screen.contains("━━ Validate"))
        #expect(!screen.contains("━━ Start HashiCorp Vault"), "the walk starts at the step's section")
        try await walk.send("Enter")
        try await walk.wait(for: "Validation passed:")
        try await walk.wait(for: "cleanup steps now? [Y/n]")
        try await walk.send("Enter")
        try await walk.wait(for: "Tutorial complete: all 15 steps passed.")
        #expect(try await walk.exitStatus() == 0)
    }

    @Test func asksForPlaceholderValuesWithSecretsHiddenAndEditsInline() async throws {
        let directory = try HowtoBinary.temporaryDirectory()
        let walk = try await TmuxSession(
            "\(HowtoBinary.path) walk \(Self.walkFixtures)/how-to/values.md --content \(Self.walkFixtures)", in: directory,
            environment: ["EDITOR": "", "VISUAL": ""])
        defer { walk.close() }
        try await walk.wait(for: "[Enter run")
        try await walk.send("Enter")
        try await walk.wait(for: "API_HOST (YOUR API HOST): ")
        try await walk.type("example.test")
        try await walk.wait(for: "API_SECRET (YOUR API SECRET), typed without echo:")
        try await walk.type("s3cret-value")
        try await walk.wait(for: "[Enter run", count: 2)
        try await walk.type("e")
        try await walk.wait(for: "edit> echo \"host=$API_HOST\"")
        try await walk.send("C-u")
        try await walk.type("echo \"edited host=$API_HOST\"")
        try await walk.wait(for: "edit> test ")
        try await walk.send("Enter")
        try await walk.wait(for: "The step now runs:")
        try await walk.wait(for: "[Enter run", count: 3)
        try await walk.send("Enter")
        let screen = try await walk.wait(for: "Tutorial complete: all 2 steps passed.")
        #expect(screen.contains("│ edited host=example.test"), "the inline edit ran, with the reader's value")
        #expect(screen.contains("│ secret ok"))
        #expect(!screen.contains("s3cret-value"), "the secret is neither echoed nor printed")
        #expect(try await walk.exitStatus() == 0)
    }

    @Test func resumeKeepsAServiceThatIsStillUp() async throws {
        let directory = try HowtoBinary.temporaryDirectory()
        let command = "\(HowtoBinary.path) walk \(Self.walkFixtures)/how-to/background.md --content \(Self.walkFixtures)"
        let walk = try await TmuxSession(command, in: directory)
        defer { walk.close() }
        try await walk.wait(for: "[Enter run")
        try await walk.send("Enter")
        try await walk.wait(for: "[Enter run", count: 2)
        // The walk dies without a chance to clean up (SIGKILL): its service stays up.
        let walker = try #require(ProcessTable.processes(containing: "walk \(Self.walkFixtures)/how-to/background.md").first {
            (try? String(contentsOfFile: "/proc/\($0)/cmdline", encoding: .utf8))?.hasPrefix(HowtoBinary.path) == true
        })
        kill(walker, SIGKILL)
        #expect(try await walk.exitStatus() == 128 + SIGKILL)
        let service = ProcessTable.processes(containing: directory + "/.howto-walk")
        #expect(!service.isEmpty, "the service outlived the walk")

        let resumed = try await TmuxSession(command + " --resume", in: directory)
        defer { resumed.close() }
        let screen = try await resumed.wait(for: "[Enter run")
        #expect(screen.contains("still running, kept: sleep 300"))
        #expect(!screen.contains("silently"), "nothing is re-run")
        try await resumed.send("Enter")
        let end = try await resumed.wait(for: "Tutorial complete: all 2 steps passed.")
        #expect(end.contains("Stopping 1 background service: sleep 300"))
        #expect(try await resumed.exitStatus() == 0)
        #expect(ProcessTable.processes(containing: directory + "/.howto-walk").isEmpty)
    }

    @Test func plainNarrowOutputWithoutATerminal() async throws {
        let directory = try HowtoBinary.temporaryDirectory()
        let out = try await HowtoBinary.run(
            ["walk", Self.reference, "--content", Self.content, "--fixtures", "--yes"], in: directory, environment: ["COLUMNS": "40"])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(!out.stdout.contains("\u{1B}"), "no colour without a terminal (and NO_COLOR is set)")
        let wide = out.stdout.split(separator: "\n").filter { $0.count > 40 }
        #expect(wide.isEmpty, "lines wider than 40 columns: \(wide.prefix(5))")
        #expect(TmuxSession.normalized(out.stdout).contains("Tutorial complete: all 15 steps passed."))
    }

    @Test func cleanupKeyEndsTheWalkAndRemovesItsProgress() async throws {
        let directory = try HowtoBinary.temporaryDirectory()
        let walk = try await TmuxSession(
            "\(HowtoBinary.path) walk \(HowtoBinary.fixtures)/content/how-to/pass.md --content \(HowtoBinary.fixtures)/content", in: directory)
        defer { walk.close() }
        try await run(1...1, in: walk)
        try await walk.wait(for: "[Enter run", count: 2)
        try await walk.type("c")
        let screen = try await walk.wait(for: "1 of 2 steps passed, 0 failed, 0 skipped, 1 not run.")
        #expect(screen.contains("│ hello world") == false, "the second step did not run")
        #expect(try await walk.exitStatus() == 0)
        #expect(!FileManager.default.fileExists(atPath: directory + "/.howto-walk"))
    }

    @Test func resumeWithoutProgressOrAfterTheHowToChangedIsBadInput() async throws {
        let directory = try HowtoBinary.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/content/how-to", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: HowtoBinary.fixtures + "/content/_data", toPath: directory + "/content/_data")
        let file = directory + "/content/how-to/pass.md"
        try FileManager.default.copyItem(atPath: HowtoBinary.fixtures + "/content/how-to/pass.md", toPath: file)
        let nothing = try await HowtoBinary.run(["walk", file, "--resume"], in: directory)
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("\(file):1:1: error: nothing to resume: no saved progress for \(file)"))

        // One step done, then quit at end of input; then the how-to changes.
        let first = try await HowtoBinary.run(["walk", file], in: directory, stdin: "\n")
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("Progress saved: 1 of 2 steps done."))
        try (try String(contentsOfFile: file, encoding: .utf8)).replacingOccurrences(of: "GREETING=hello", with: "GREETING=hey")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let changed = try await HowtoBinary.run(["walk", file, "--resume"], in: directory)
        #expect(changed.status == 2)
        #expect(changed.stderr.contains("changed since the progress was saved"))
        let both = try await HowtoBinary.run(["walk", file, "--resume", "--from", "2"], in: directory)
        #expect(both.status == 2)
        #expect(both.stderr.contains("--resume and --from cannot be combined"))
    }

    /// The verdict of each step, from a JSON report.
    private func verdicts(_ path: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tutorials = try #require(report["tutorials"] as? [[String: Any]])
        return try tutorials.flatMap { tutorial in
            let steps = try #require(tutorial["steps"] as? [[String: Any]])
            return [tutorial["verdict"] as? String ?? "?"] + steps.map { step in
                "\((step["step"] as? [String: Any])?["id"] ?? "?")=\(step["status"] ?? "?")"
            }
        }
    }

    @Test(arguments: ["reference", "fail"])
    func yesGivesTheSameVerdictsAsTest(_ which: String) async throws {
        let directory = try HowtoBinary.temporaryDirectory()
        let (file, content) = which == "reference"
            ? (Self.reference, Self.content)
            : (HowtoBinary.fixtures + "/content/how-to/fail.md", HowtoBinary.fixtures + "/content")
        let test = try await HowtoBinary.run(["test", file, "--content", content, "--report", "json:\(directory)/test.json"], in: directory)
        let walk = try await HowtoBinary.run(
            ["walk", file, "--content", content, "--fixtures", "--yes", "--report", "json:\(directory)/walk.json"], in: directory)
        #expect(test.status == walk.status, "\(walk.stdout)")
        #expect(test.status == (which == "reference" ? 0 : 1))
        let expected = try verdicts(directory + "/test.json")
        #expect(expected.count > 2)
        #expect(try verdicts(directory + "/walk.json") == expected)
    }

    @Test func aScriptedWalkGivesTheSameVerdictsAsTest() async throws {
        let directory = try HowtoBinary.temporaryDirectory()
        let file = HowtoBinary.fixtures + "/content/how-to/fail.md"
        let content = HowtoBinary.fixtures + "/content"
        _ = try await HowtoBinary.run(["test", file, "--content", content, "--report", "json:\(directory)/test.json"], in: directory)
        let walk = try await TmuxSession("\(HowtoBinary.path) walk \(file) --content \(content) --report json:\(directory)/walk.json", in: directory)
        defer { walk.close() }
        try await run(1...2, in: walk)
        try await walk.wait(for: "✘ failed")
        try await walk.type("q")
        #expect(try await walk.exitStatus() == 1)
        #expect(try verdicts(directory + "/walk.json") == verdicts(directory + "/test.json"))
    }
}
