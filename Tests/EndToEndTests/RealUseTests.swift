import Foundation
import TestHelpers
import Testing

/// `howto` called the way people call it: from another folder, piped into `head`, on a CI image with its own
/// CA variables, with a provider name nothing declares.
@Suite(.serialized) struct RealUseTests {
    static let frontMatter = "---\ntitle: Probe\ncontent_type: how_to\nproducts:\n  - gateway\nworks_on:\n  - on-prem\n---\n\n"

    /// A content folder (with the project's providers) holding one how-to with `body`; returns the how-to's path.
    static func content(_ body: String, providers: Bool = true) throws -> String {
        let dir = try HowtoBinary.temporaryDirectory() + "/docs"
        try FileManager.default.createDirectory(atPath: dir + "/how-to", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/_data", withIntermediateDirectories: true)
        if providers {
            try FileManager.default.copyItem(
                atPath: HowtoBinary.packageRoot.appendingPathComponent("content/_data/providers.yml").path, toPath: dir + "/_data/providers.yml")
        }
        let file = dir + "/how-to/probe.md"
        try (frontMatter + body).write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    static let providerStep = "## IdP\n\n```sh { provider=auth0 }\nexport DECK_DOMAIN='YOUR AUTH0 DOMAIN'\n```\n\n"

    @Test func providersComeFromTheHowTosOwnContentRootWhenRunFromElsewhere() async throws {
        let file = try Self.content(Self.providerStep + "## Use it\n\n```sh\ntest \"$DECK_DOMAIN\" != 'YOUR AUTH0 DOMAIN'\necho \"domain=$DECK_DOMAIN\"\n```\n")
        let elsewhere = try HowtoBinary.temporaryDirectory()
        let out = try await HowtoBinary.run(["test", file], in: elsewhere)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("domain=localhost:"), "\(out.stdout)")
        let plan = try await HowtoBinary.run(["plan", file], in: elsewhere)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("provider=auth0"))
    }

    @Test func aSiteBuildsFromAnyFolderWithTheTemplatesBuiltIn() async throws {
        let file = try Self.content("## Run\n\n```sh\necho hi\n```\n")
        let content = ((file as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        let elsewhere = try HowtoBinary.temporaryDirectory()
        let out = try await HowtoBinary.run(["build", "--content", content, "--output", "out"], in: elsewhere)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        let page = try String(contentsOfFile: elsewhere + "/out/how-to/probe/index.html", encoding: .utf8)
        #expect(page.contains("<h1>Probe</h1>") && page.contains("/assets/site.css"))
        let templates = HowtoBinary.packageRoot.appendingPathComponent("templates/assets/site.css").path
        #expect(FileManager.default.contents(atPath: elsewhere + "/out/assets/site.css") == FileManager.default.contents(atPath: templates),
                "the built-in stylesheet is the project's templates/assets/site.css")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("howto-templates-") }
        #expect(leftovers.isEmpty, "the unpacked templates are removed: \(leftovers)")
        let custom = try await HowtoBinary.run(["build", "--content", content, "--output", "out2", "--templates", "nosuch"], in: elsewhere)
        #expect(custom.status == 2 && custom.stderr.contains("nosuch"), "an explicit --templates is used as given: \(custom.stderr)")
    }

    /// A report that cannot be written is named and exits 2, after the run's own summary.
    @Test func anUnwritableReportIsNamedAndExitsTwo() async throws {
        let file = try Self.content("## Run\n\n```sh\necho ok\n```\n")
        let blocked = try HowtoBinary.temporaryDirectory() + "/a-file"
        try "".write(toFile: blocked, atomically: true, encoding: .utf8)
        let out = try await HowtoBinary.run(["test", "--report", "json:\(blocked)/report.json", file])
        #expect(out.status == 2, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("1 passed"))
        #expect(out.stderr.contains("cannot write the report \(blocked)/report.json"))
    }

    @Test func versionNamesTheCommitTheBinaryIsBuiltFrom() async throws {
        let out = try await HowtoBinary.run(["--version"])
        #expect(out.status == 0)
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        git.arguments = ["-C", HowtoBinary.packageRoot.path, "rev-parse", "--short=12", "HEAD"]
        let pipe = Pipe()
        git.standardOutput = pipe
        try git.run()
        git.waitUntilExit()
        let head = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(out.stdout.hasPrefix("howto ") && out.stdout.contains("(commit \(head)"), "\(out.stdout) vs HEAD \(head)")
    }

    @Test func affectedSinceRunsWhatAChangeCanBreakAndSaysWhy() async throws {
        let repo = try HowtoBinary.temporaryDirectory()
        func write(_ text: String, _ path: String) throws {
            let file = repo + "/" + path
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
            process.arguments = ["-C", repo, "-c", "user.name=t", "-c", "user.email=t@example.test"] + arguments
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        }
        let page = { (name: String, include: Bool) in
            Self.frontMatter.replacingOccurrences(of: "Probe", with: name)
                + "## Run\n\n```sh\necho \(name)\n```\n" + (include ? "\n{% include shared.md %}\n" : "")
        }
        try write(page("A", true), "content/how-to/a.md")
        try write(page("B", true), "content/how-to/b.md")
        try write(page("C", false), "content/how-to/c.md")
        try write("Shared text.\n", "content/_includes/shared.md")
        try write("<html></html>\n", "templates/how-to.mustache")
        try write("notes\n", "NOTES.md")
        try git("init", "-q")
        try git("add", "-A")
        try git("commit", "-qm", "base")

        func affected() async throws -> HowtoBinary.Outcome {
            try await HowtoBinary.run(["test", "--affected-since", "HEAD", "content"], in: repo)
        }
        try write("more notes\n", "NOTES.md")
        let nothing = try await affected()
        #expect(nothing.status == 0, "\(nothing.stderr)")
        #expect(nothing.stdout.contains("nothing affected since HEAD: none of the 3 how-tos"), "\(nothing.stdout)")

        try write(page("C", false) + "\nMore.\n", "content/how-to/c.md")
        let one = try await affected()
        #expect(one.status == 0, "\(one.stdout)\(one.stderr)")
        #expect(one.stdout.contains("affected since HEAD: 1 of 3 how-tos\n  content/how-to/c.md: the how-to changed\n"), "\(one.stdout)")
        try git("checkout", "--", "content/how-to/c.md")

        try write("Shared text, changed.\n", "content/_includes/shared.md")
        let two = try await affected()
        #expect(two.stdout.contains("affected since HEAD: 2 of 3 how-tos"), "\(two.stdout)")
        #expect(two.stdout.contains("content/how-to/a.md: it reads content/_includes/shared.md, which changed"))
        #expect(two.stdout.contains("content/how-to/b.md: it reads content/_includes/shared.md") && !two.stdout.contains("c.md"))
        try git("checkout", "--", "content/_includes/shared.md")

        try write("<html>changed</html>\n", "templates/how-to.mustache")
        let all = try await affected()
        #expect(all.stdout.contains("affected since HEAD: 3 of 3 how-tos"), "\(all.stdout)")
        #expect(all.stdout.contains("content/how-to/c.md: the templates changed (templates/how-to.mustache)"))

        let bad = try await HowtoBinary.run(["test", "--affected-since", "nosuchrev", "content"], in: repo)
        #expect(bad.status == 2 && bad.stderr.contains("nosuchrev"), "\(bad.stderr)")
    }

    @Test func theActionsStepsRunAsAWorkflowCallsThem() async throws {
        let workspace = try HowtoBinary.temporaryDirectory()
        let temp = try HowtoBinary.temporaryDirectory()
        for (name, script) in [("pass", "echo fine"), ("fail", "echo broken; exit 3")] {
            let file = workspace + "/docs/how-to/\(name).md"
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try (Self.frontMatter.replacingOccurrences(of: "Probe", with: name) + "## Run\n\n```sh\n\(script)\n```\n")
                .write(toFile: file, atomically: true, encoding: .utf8)
        }
        let files = ["GITHUB_ENV", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"].map { ($0, temp + "/" + $0.lowercased()) }
        for (_, path) in files { FileManager.default.createFile(atPath: path, contents: nil) }
        var environment = Dictionary(uniqueKeysWithValues: files)
        environment.merge(["GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": workspace, "RUNNER_TEMP": temp,
                           "INPUT_BINARY": HowtoBinary.path, "INPUT_PATHS": "docs", "INPUT_VAULT": "mock", "INPUT_SHARD": "",
                           "INPUT_ARGS": "--jobs 1", "INPUT_WORKING_DIRECTORY": workspace]) { $1 }
        let scripts = HowtoBinary.packageRoot.appendingPathComponent("scripts").path
        let install = try await HowtoBinary.run(executable: "/bin/bash", [scripts + "/action-install.sh"], in: workspace, environment: environment)
        #expect(install.status == 0, "\(install.stderr)")
        let exported = try String(contentsOfFile: temp + "/github_env", encoding: .utf8)
        #expect(exported == "HOWTO_BINARY=\(URL(fileURLWithPath: HowtoBinary.path).resolvingSymlinksInPath().path)\n")
        environment["HOWTO_BINARY"] = HowtoBinary.path
        // howto writes the annotations itself when GITHUB_ACTIONS is set; the workflow reads them from stdout.
        let run = try await HowtoBinary.run(executable: "/bin/bash", [scripts + "/action-run.sh"], in: workspace, environment: environment)
        #expect(run.status == 1, "a failing how-to fails the step: \(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("::error file=docs/how-to/fail.md,line=12,title=howto%3A Run::expected exit code 0, got 3"), "\(run.stdout)")
        let outputs = try String(contentsOfFile: temp + "/github_output", encoding: .utf8)
        #expect(outputs.contains("passed=1\nfailed=1\nnot-runnable=0\njson-report=\(temp)/howto-reports/report.json\n"), "\(outputs)")
        #expect(FileManager.default.fileExists(atPath: temp + "/howto-reports/junit.xml"))
        let summary = try String(contentsOfFile: temp + "/github_step_summary", encoding: .utf8)
        #expect(summary.contains("| fail | failed | 0/1 |") && summary.contains("| pass | passed | 1/1 |"), "\(summary)")
        #expect(summary.contains("```text\nbroken\n```"), "the failing step's last lines: \(summary)")
    }

    @Test func aProviderNothingDeclaresIsBadInputAtItsLine() async throws {
        let file = try Self.content("## IdP\n\n```sh { provider=nosuch }\nexport X=1\n```\n")
        for command in ["test", "plan", "walk"] {
            let out = try await HowtoBinary.run(command == "walk" ? [command, file, "--yes", "--fixtures"] : [command, file])
            #expect(out.status == 2, "\(command): \(out.stdout)\(out.stderr)")
            #expect(out.stderr.contains("probe.md:12:1: error: no provider named `nosuch`"), "\(command): \(out.stderr)")
            #expect(out.stderr.contains("auth0"), "the message names what is declared")
        }
    }

    @Test func everyCABundleVariableTrustsTheRunsCA() async throws {
        guard let system = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt"].first(where: FileManager.default.fileExists) else {
            Issue.record("no system CA bundle on this machine")
            return
        }
        let file = try Self.content(Self.providerStep + """
            ## Reach it

            ```sh
            curl -sf "https://$DECK_DOMAIN/.well-known/jwks.json" | grep -q '"keys"' && echo curl-ok
            python3 -c 'import urllib.request, os; print("python-ok" if b"keys" in urllib.request.urlopen("https://" + os.environ["DECK_DOMAIN"] + "/.well-known/jwks.json").read() else "no")'
            ```

            """)
        var environment: [String: String] = [:]
        for name in ["SSL_CERT_FILE", "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "NODE_EXTRA_CA_CERTS", "GIT_SSL_CAINFO", "AWS_CA_BUNDLE", "PIP_CERT"] {
            environment[name] = system
        }
        let out = try await HowtoBinary.run(["test", file], environment: environment)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("curl-ok"))
        #expect(out.stdout.contains("python-ok"))
    }

    @Test func aClosedOutputEndsTheRunWithCleanupAndNoLeftoverProcess() async throws {
        let dir = try HowtoBinary.temporaryDirectory()
        let marker = "howto-e2e-pipe-\(UInt32.random(in: 1...UInt32.max))"
        let port = LocalPort.free()
        let howto = HowtoBinary.path
        let out = try await HowtoBinary.run(
            executable: "/bin/bash",
            ["-c", "'\(howto)' test content/how-to/slow.md | head -1; echo \"status=${PIPESTATUS[0]}\""],
            environment: ["E2E_MARK_DIR": dir, "E2E_MARKER": marker, "E2E_PORT": String(port)])
        #expect(out.stdout.contains("▶ A slow tutorial"))
        #expect(out.stdout.contains("status=130"), "\(out.stdout)\(out.stderr)")
        #expect(!out.stderr.contains("Illegal instruction") && !out.stderr.contains("Fatal error"), "\(out.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/cleaned"), "the cleanup ran")
        #expect(ProcessTable.processes(containing: marker).isEmpty, "the service was stopped")
    }
}

extension RealUseTests {
    @Test func secretsSetInsideAStepNeverReachTheConsoleOrReports() async throws {
        let file = try Self.content("""
            ## Leak

            ```sh
            export DECK_API_SECRET=canary-9f3a1c
            export MY_PASSWORD="pw-7d2e4b"
            export API_TOKEN=$(echo "gen-$((6 * 7))-tok")
            echo "secret is $DECK_API_SECRET and $MY_PASSWORD and $API_TOKEN"
            false
            ```

            """, providers: false)
        let dir = try HowtoBinary.temporaryDirectory()
        let canaries = ["canary-9f3a1c", "pw-7d2e4b", "gen-42-tok"]
        let test = try await HowtoBinary.run(["test", file, "--report", "json:\(dir)/report.json", "--report", "junit:\(dir)/junit.xml"])
        #expect(test.status == 1, "\(test.stdout)\(test.stderr)")
        #expect(test.stdout.contains("secret is **** and **** and ****"), "\(test.stdout)")
        let walk = try await HowtoBinary.run(["walk", file, "--yes", "--report", "json:\(dir)/walk.json"], in: dir)
        #expect(walk.status == 1, "\(walk.stdout)\(walk.stderr)")
        var texts = [test.stdout, test.stderr, walk.stdout, walk.stderr]
        for name in ["report.json", "junit.xml", "repro.sh", "walk.json"] {
            let text = try String(contentsOfFile: "\(dir)/\(name)", encoding: .utf8)
            texts.append(text)
        }
        for text in texts {
            for canary in canaries { #expect(!text.contains(canary), "\(canary) leaked: \(text)") }
        }
    }
}

extension RealUseTests {
    @Test func theFirstFailingCommandFailsTheStepAndIsNamedWithItsLine() async throws {
        let file = try Self.content("""
            ## Store

            ```sh
            echo start
            cat no-such-file.json | tr a b
            export AFTER=1
            ```

            """, providers: false)
        let out = try await HowtoBinary.run(["test", file])
        #expect(out.status == 1, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("`cat no-such-file.json | tr a b` at \(file):14 exited 1"), "pipefail names the failing pipeline: \(out.stdout)")
    }

    @Test func handledFailuresKeepBashsExceptionsAndErrexitCanBeTurnedOff() async throws {
        let file = try Self.content("""
            ## Handled

            ```sh
            if false; then echo never; fi
            false || echo handled
            ! false
            false && echo never
            while false; do :; done
            set -u
            echo done-handled
            ```

            ## On purpose

            ```sh { errexit=false }
            false
            echo still-running
            ```

            ## Session options

            ```sh
            set -o | grep -E '^(errexit|pipefail|nounset)' | tr -s ' \\t' ' '
            ```

            """, providers: false)
        let out = try await HowtoBinary.run(["test", file])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("done-handled"))
        #expect(out.stdout.contains("still-running"))
        #expect(out.stdout.contains("nounset on"), "the reader's own `set -u` carries to the next step")
    }
}

extension RealUseTests {
    @Test func aReadinessAddressThatAlreadyAnswersIsReportedTakenWithItsOwner() async throws {
        let port = LocalPort.free()
        let squatter = Process()
        squatter.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        squatter.arguments = ["python3", "-u", "-m", "http.server", String(port), "--bind", "127.0.0.1"]
        squatter.standardOutput = FileHandle.nullDevice
        squatter.standardError = FileHandle.nullDevice
        try squatter.run()
        // SIGKILL: a child of this test process starts with SIGTERM blocked (Foundation spawns from a pool thread).
        defer { kill(squatter.processIdentifier, SIGKILL); squatter.waitUntilExit() }
        let clock = ContinuousClock()
        let start = clock.now
        while !LocalPort.answers(port), clock.now - start < .seconds(10) { try await Task.sleep(for: .milliseconds(50)) }
        let marker = "howto-e2e-taken-\(UInt32.random(in: 1...UInt32.max))"
        let file = try Self.content("""
            ## Start

            ```sh { background=true ready="http://127.0.0.1:\(port)/" }
            exec -a \(marker) sleep 30
            ```

            ## Use it

            ```sh
            echo used-the-other-server
            ```

            """, providers: false)
        let out = try await HowtoBinary.run(["test", file])
        #expect(out.status == 1, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("127.0.0.1:\(port), where `exec -a \(marker) sleep 30` is to answer, is already taken by pid \(squatter.processIdentifier) (`"),
                "\(out.stdout)")
        #expect(out.stdout.contains("http.server \(port)"), "the owner's command line is named")
        #expect(!out.stdout.contains("used-the-other-server"))
        #expect(ProcessTable.processes(containing: marker).isEmpty, "our service never started")
    }

    @Test func aServiceThatExitsBeforeItIsReadyFailsWithItsLastLines() async throws {
        let file = try Self.content("""
            ## Start

            ```sh { background=true ready="tcp:127.0.0.1:\(LocalPort.free())" }
            echo "listen failed: permission denied"
            exit 3
            ```

            """, providers: false)
        let out = try await HowtoBinary.run(["test", file])
        #expect(out.status == 1, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("the service exited (exit status 3) before it was ready; its last lines:"), "\(out.stdout)")
        #expect(out.stdout.contains("  listen failed: permission denied"))
    }

    @Test func aServiceThatExitsWhileALaterStepRunsFailsThatStepAtOnce() async throws {
        let file = try Self.content("""
            ## Start

            ```sh { background=true ready="cmd:true" }
            sleep 1
            echo "fatal: out of memory"
            exit 4
            ```

            ## Wait for it

            ```sh
            sleep 30
            echo never-printed
            ```

            """, providers: false)
        let clock = ContinuousClock()
        let start = clock.now
        let out = try await HowtoBinary.run(["test", file])
        #expect(clock.now - start < .seconds(10), "the step was stopped when the service went, not after its own 30 s")
        #expect(out.status == 1, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("the service `sleep 1` (s1) stopped while this step ran (exit status 4); its last lines:"), "\(out.stdout)")
        #expect(out.stdout.contains("  fatal: out of memory"))
        #expect(!out.stdout.contains("never-printed"))
        #expect(ProcessTable.processes(containing: "sleep 30").isEmpty)
    }

    /// The 2 s stall of issue 13: bash ended first, our reader closed the pipe, and the mock dev server trapped
    /// on writing its shutdown line, then waited for the backtracer, and was killed after the grace period.
    @Test func theMockDevServerStopsAtOnceWhenItsOutputIsClosed() async throws {
        let dir = try HowtoBinary.temporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: dir + "/vault", withDestinationPath: HowtoBinary.path)
        let port = LocalPort.free()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: dir + "/vault")
        server.arguments = ["server", "-dev", "-dev-root-token-id=root", "-dev-listen-address=127.0.0.1:\(port)"]
        let pipe = Pipe()
        server.standardOutput = pipe
        server.standardError = pipe
        try server.run()
        let clock = ContinuousClock()
        let start = clock.now
        while !LocalPort.answers(port), clock.now - start < .seconds(10) { try await Task.sleep(for: .milliseconds(20)) }
        try pipe.fileHandleForReading.close()
        let stop = clock.now
        server.terminate()
        server.waitUntilExit()
        #expect(clock.now - stop < .milliseconds(800), "stopped in \(clock.now - stop)")
        #expect(server.terminationReason == .exit && server.terminationStatus == 0, "status \(server.terminationStatus)")
    }
}

extension RealUseTests {
    /// A check that needs a gateway proxy or a cluster is neither passed nor skipped: the run says "not verified",
    /// the later steps still run, and the exit code is 1 unless `--allow-unrunnable`.
    @Test func checksThatCannotRunHereLeaveTheHowToUnverified() async throws {
        let file = try Self.content("""
            ## Limit

            {% validation rate-limit-check %}
            iterations: 3
            url: /anything
            {% endvalidation %}

            ## After

            ```sh
            echo after-ran
            ```

            """, providers: false)
        let dir = try HowtoBinary.temporaryDirectory()
        let strict = try await HowtoBinary.run(["test", file, "--report", "json:\(dir)/report.json", "--report", "junit:\(dir)/junit.xml"])
        #expect(strict.status == 1, "\(strict.stdout)\(strict.stderr)")
        #expect(strict.stdout.contains("NOT RUNNABLE HERE") && strict.stdout.contains("after-ran"), "\(strict.stdout)")
        #expect(strict.stdout.contains("not runnable here: ") && strict.stdout.contains("needs a Kong Gateway proxy"))
        #expect(strict.stdout.contains("0 passed, 0 failed, 0 skipped, 1 not verified"), "\(strict.stdout)")
        let report = try String(contentsOfFile: "\(dir)/report.json", encoding: .utf8)
        #expect(report.contains("\"not-runnable\""))
        let junit = try String(contentsOfFile: "\(dir)/junit.xml", encoding: .utf8)
        #expect(junit.contains("<skipped type=\"not-runnable\" message=\"not runnable here"))
        #expect(!junit.contains("<failure"))
        let allowed = try await HowtoBinary.run(["test", file, "--allow-unrunnable"])
        #expect(allowed.status == 0, "\(allowed.stdout)\(allowed.stderr)")
        #expect(allowed.stdout.contains("1 not verified"))
    }
}
