import Foundation
import TestHelpers
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct TestCommandEndToEndTests {
    @Test func passingHowToExitsZero() async throws {
        let out = try await HowtoBinary.run(["test", "content/how-to/pass.md"])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("[2/2] Use it"))
        #expect(out.stdout.contains("1 passed, 0 failed, 0 skipped"))
    }

    @Test func failingStepExitsOneWithReportsAndRepro() async throws {
        let dir = try HowtoBinary.temporaryDirectory()
        let out = try await HowtoBinary.run(["test", "content/how-to/fail.md", "--report", "junit:\(dir)/junit.xml", "--report", "json:\(dir)/report.json"])
        #expect(out.status == 1)
        let junit = try String(contentsOfFile: dir + "/junit.xml", encoding: .utf8)
        #expect(junit.contains(#"file="content/how-to/fail.md" line="21""#))
        #expect(FileManager.default.fileExists(atPath: dir + "/report.json"))
        let repro = try String(contentsOfFile: dir + "/repro.sh", encoding: .utf8)
        #expect(repro.contains("echo about to fail"))
    }

    @Test func githubActionsGetAnnotationsAndAStepSummary() async throws {
        let dir = try HowtoBinary.temporaryDirectory()
        let out = try await HowtoBinary.run(
            ["test", "content/how-to/fail.md"], environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": dir + "/summary.md"])
        #expect(out.status == 1)
        #expect(out.stdout.contains("::error file=content/how-to/fail.md,line=21,title=howto%3A Broken::expected exit code 0, got 3"))
        let summary = try String(contentsOfFile: dir + "/summary.md", encoding: .utf8)
        #expect(summary.contains("| A failing tutorial | failed | 1/2 |"))
    }

    @Test func badInputExitsTwoWithALocatedMessage() async throws {
        let dir = try HowtoBinary.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/content/how-to", withIntermediateDirectories: true)
        try "---\ntitle: [unclosed\n---\n\n```sh\necho hi\n```\n".write(toFile: dir + "/content/how-to/bad.md", atomically: true, encoding: .utf8)
        let out = try await HowtoBinary.run(["test", "content/how-to/bad.md"], in: dir)
        #expect(out.status == 2)
        #expect(out.stderr.hasPrefix("content/how-to/bad.md:3:1: error: invalid YAML"), "\(out.stderr)")
        #expect(out.stdout.isEmpty, "nothing runs when the input is bad")
        let usage = try await HowtoBinary.run(["test", "--jobs", "0", "content/how-to/pass.md"])
        #expect(usage.status == 2)
    }

    @Test func budgetExceededExitsFourAndCleansUp() async throws {
        let dir = try HowtoBinary.temporaryDirectory()
        let marker = "howto-e2e-budget-\(UInt32.random(in: 1...UInt32.max))"
        let port = 20000 + Int.random(in: 0..<20000)
        let out = try await HowtoBinary.run(
            ["test", "content/how-to/slow.md", "--budget", "3s"],
            environment: ["E2E_MARK_DIR": dir, "E2E_MARKER": marker, "E2E_PORT": String(port)])
        #expect(out.status == 4, "\(out.stdout)\(out.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/cleaned"))
        #expect(ProcessTable.processes(containing: marker).isEmpty)
    }

    @Test func sigintStopsTheRunCleansUpAndLeavesNoProcess() async throws {
        let dir = try HowtoBinary.temporaryDirectory()
        let marker = "howto-e2e-sigint-\(UInt32.random(in: 1...UInt32.max))"
        let port = 20000 + Int.random(in: 0..<20000)
        let clock = ContinuousClock()
        let start = clock.now
        let out = try await HowtoBinary.run(
            ["test", "content/how-to/slow.md"],
            environment: ["E2E_MARK_DIR": dir, "E2E_MARKER": marker, "E2E_PORT": String(port)]
        ) { pid in
            // Wait until the background server is up, then press Ctrl-C.
            while ProcessTable.processes(containing: marker).isEmpty, clock.now - start < .seconds(20) {
                try? await Task.sleep(for: .milliseconds(50))
            }
            try? await Task.sleep(for: .milliseconds(300))
            kill(pid, SIGINT)
        }
        #expect(out.status == 130, "\(out.stdout)\(out.stderr)")
        #expect(clock.now - start < .seconds(30))
        #expect(FileManager.default.fileExists(atPath: dir + "/cleaned"), "cleanup ran after Ctrl-C")
        #expect(ProcessTable.processes(containing: marker).isEmpty, "no process of the run remains")
        #expect(ProcessTable.processes(containing: "sleep 60.\(port)").isEmpty)
    }
}

@Suite(.serialized) struct ParallelJobsEndToEndTests {
    /// Two tutorials that both bind 127.0.0.1:28200 pass side by side: each job has its own network namespace.
    @Test func parallelJobsHaveTheirOwnPorts() async throws {
        try #require(getuid() == 0, "network namespaces for --jobs need root, as in CI")
        let out = try await HowtoBinary.run(["test", "--jobs", "2", "content/how-to/port.md", "content/how-to/port-copy.md"])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("2 passed, 0 failed, 0 skipped"), "\(out.stdout)")
        #expect(!out.stdout.contains("no network namespaces"))
    }
}
