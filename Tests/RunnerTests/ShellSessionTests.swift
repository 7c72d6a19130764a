import HowToPlan
import Diagnostics
import Foundation
import TestHelpers
import Testing
@testable import Runner

@Suite struct ShellSessionTests {
    private func session() throws -> ShellSession {
        let dir = NSTemporaryDirectory() + "howto-session-\(UUID().uuidString)"
        return try ShellSession(directory: dir + "/s", workDirectory: dir + "/w", environment: ["PATH": "/usr/bin:/bin", "HOME": dir])
    }

    @Test func variablesExportedOrNotCarryOver() async throws {
        let s = try session()
        _ = try await s.run("PLAIN='a b'; export EXPORTED=42; declare -a LIST=(x 'y z')", timeout: .seconds(10))
        let out = try await s.run("echo \"$PLAIN|$EXPORTED|${LIST[1]}\"; bash -c 'echo child:$EXPORTED:$PLAIN'", timeout: .seconds(10))
        #expect(out.output == "a b|42|y z\nchild:42:\n")
        #expect(out.exitCode == 0)
    }

    @Test func functionsAliasesOptionsAndDirectoryCarryOver() async throws {
        let s = try session()
        _ = try await s.run("greet() { echo \"hello $1\"; }\nalias hi='echo alias-works'\nset -o pipefail\nmkdir -p sub/dir && cd sub/dir", timeout: .seconds(10))
        let out = try await s.run("greet world\nhi\necho \"${PWD##*/}\"\n[[ -o pipefail ]] && echo pipefail-on", timeout: .seconds(10))
        #expect(out.output == "hello world\nalias-works\ndir\npipefail-on\n")
    }

    @Test func aNewSessionResumesFromASavedStateWithTheRunsVariablesLaidOver() async throws {
        let first = try session()
        _ = try await first.run("export KEPT=yes TOOL_DIR=/old/bin; greet() { echo \"hi $1\"; }; mkdir -p sub && cd sub", timeout: .seconds(10))
        let saved = await first.statePath
        let dir = NSTemporaryDirectory() + "howto-session-\(UUID().uuidString)"
        let second = try ShellSession(
            directory: dir + "/s", workDirectory: dir + "/w", environment: ["TOOL_DIR": "/new/bin"], restoring: saved)
        #expect(await second.variables["KEPT"] == "yes")
        #expect(await second.variables["TOOL_DIR"] == "/new/bin")
        let out = try await second.run("greet again; echo \"$KEPT $TOOL_DIR ${PWD##*/}\"", timeout: .seconds(10))
        #expect(out.output == "hi again\nyes /new/bin sub\n")
        #expect(throws: SessionError.self) {
            try ShellSession(directory: dir + "/t", workDirectory: dir + "/w", environment: [:], restoring: dir + "/missing.sh")
        }
    }

    @Test func unsetSurvivesToTheNextStep() async throws {
        let s = try session()
        _ = try await s.run("export GONE=1", timeout: .seconds(10))
        _ = try await s.run("unset GONE", timeout: .seconds(10))
        let out = try await s.run("echo \"[${GONE-unset}]\"", timeout: .seconds(10))
        #expect(out.output == "[unset]\n")
    }

    @Test func exitCodeAndExitBuiltin() async throws {
        let s = try session()
        let failed = try await s.run("echo before; false", timeout: .seconds(10))
        #expect(failed.exitCode == 1)
        #expect(failed.output == "before\n")
        let exited = try await s.run("X=kept; exit 7", timeout: .seconds(10))
        #expect(exited.exitCode == 7)
        let after = try await s.run("echo $X", timeout: .seconds(10))
        #expect(after.output == "kept\n")
    }

    @Test func hungStepIsKilledAndTheSessionSurvives() async throws {
        let s = try session()
        _ = try await s.run("export KEEP=yes", timeout: .seconds(10))
        let marker = "howto-hang-\(UInt32.random(in: 1...UInt32.max))"
        let clock = ContinuousClock()
        let start = clock.now
        let hung = try await s.run("echo partial; (exec -a \(marker) sleep 300)\n", timeout: .milliseconds(500))
        #expect(clock.now - start < .seconds(60), "killed at its timeout, not after the 300 s sleep")
        #expect(hung.timedOut)
        #expect(hung.output == "partial\n")
        try await Task.sleep(for: .milliseconds(700))
        #expect(ProcessTable.processes(containing: marker).isEmpty, "the hung step's children must be killed")
        let next = try await s.run("echo $KEEP", timeout: .seconds(10))
        #expect(next.output == "yes\n")
    }

    @Test func backgroundJobsOfAStepDoNotBlockIt() async throws {
        let s = try session()
        let marker = "howto-bg-\(UInt32.random(in: 1...UInt32.max))"
        let clock = ContinuousClock()
        let start = clock.now
        let out = try await s.run("(exec -a \(marker) sleep 300) &\necho started", timeout: .seconds(10))
        #expect(out.output == "started\n")
        #expect(clock.now - start < .seconds(60), "the step ends without waiting for its 300 s background job")
        #expect(!ProcessTable.processes(containing: marker).isEmpty)
        await s.stopStragglers()
        #expect(ProcessTable.processes(containing: marker).isEmpty)
    }
}
