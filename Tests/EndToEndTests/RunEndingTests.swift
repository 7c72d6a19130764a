import Foundation
import TestHelpers
import Testing

/// Every way a `howto test` run ends runs the cleanup and stops every service, and never traps.
@Suite(.serialized) struct RunEndingTests {
    /// How the run is made to end, and the exit status that ending gives.
    struct Ending: Sendable, CustomTestStringConvertible {
        let name: String
        var arguments: [String] = []
        var sleep = "0"
        var exit = "0"
        var signal: Int32?
        /// A shell pipeline around the run (`HOWTO` stands for the command).
        var pipeline: String?
        let status: Int32
        var testDescription: String { name }
    }

    static let endings: [Ending] = [
        Ending(name: "normal end", status: 0),
        Ending(name: "failure", exit: "3", status: 1),
        Ending(name: "step timeout", arguments: ["--timeout", "1s"], sleep: "60", status: 1),
        Ending(name: "budget", arguments: ["--budget", "2s"], sleep: "60", status: 4),
        Ending(name: "SIGINT", sleep: "60", signal: SIGINT, status: 130),
        Ending(name: "SIGTERM", sleep: "60", signal: SIGTERM, status: 130),
        Ending(name: "SIGHUP", sleep: "60", signal: SIGHUP, status: 130),
        Ending(name: "closed stdout", sleep: "60", pipeline: "HOWTO | head -1 >/dev/null", status: 130),
        // Nothing is read from the closed stderr; the run still writes a note there (automated_tests: false).
        Ending(name: "closed stderr", pipeline: "HOWTO 2>&1 >/dev/null | head -c 0", status: 0),
    ]

    static func howTo(in dir: String) throws -> String {
        let file = dir + "/docs/how-to/ending.md"
        try FileManager.default.createDirectory(atPath: dir + "/docs/how-to", withIntermediateDirectories: true)
        try """
            ---
            title: Ending
            content_type: how_to
            automated_tests: false
            products:
              - gateway
            works_on:
              - on-prem
            cleanup:
              inline:
                - title: Leave a mark
                  content: |
                    ```sh
                    touch "$E2E_MARK_DIR/cleaned"
                    ```
            ---

            ## Start a server

            ```sh { background=true ready="log:Serving HTTP" }
            # The marker goes in the command line as the served folder (`exec -a` does not survive a pyenv shim).
            mkdir -p "${TMPDIR:-/tmp}/$E2E_MARKER"
            exec python3 -u -m http.server "$E2E_PORT" --bind 127.0.0.1 --directory "${TMPDIR:-/tmp}/$E2E_MARKER"
            ```

            ## Work

            ```sh
            sleep "$E2E_SLEEP.$E2E_PORT"
            exit "$E2E_EXIT"
            ```

            """.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test(arguments: endings) func everyEndingCleansUpAndStopsTheServices(_ ending: Ending) async throws {
        let dir = try HowtoBinary.temporaryDirectory()
        let file = try Self.howTo(in: dir)
        let marker = "howto-e2e-ending-\(UInt32.random(in: 1...UInt32.max))"
        let port = LocalPort.free()
        let environment = ["E2E_MARK_DIR": dir, "E2E_MARKER": marker, "E2E_PORT": String(port),
                           "E2E_SLEEP": ending.sleep, "E2E_EXIT": ending.exit]
        let arguments = ["test", file] + ending.arguments
        let clock = ContinuousClock()
        let start = clock.now
        let out: HowtoBinary.Outcome
        if let pipeline = ending.pipeline {
            let command = arguments.map { "'\($0)'" }.joined(separator: " ")
            let script = pipeline.replacingOccurrences(of: "HOWTO", with: "'\(HowtoBinary.path)' \(command)")
            let shell = try await HowtoBinary.run(
                executable: "/bin/bash", ["-c", "\(script); echo \"status=${PIPESTATUS[0]}\""], environment: environment)
            #expect(shell.stdout.contains("status=\(ending.status)"), "\(shell.stdout)\(shell.stderr)")
            out = shell
        } else {
            out = try await HowtoBinary.run(arguments, environment: environment) { pid in
                guard let signal = ending.signal else { return }
                while ProcessTable.processes(containing: marker).isEmpty, clock.now - start < .seconds(20) {
                    try? await Task.sleep(for: .milliseconds(50))
                }
                try? await Task.sleep(for: .milliseconds(300))
                kill(pid, signal)
            }
            #expect(out.status == ending.status, "\(out.stdout)\(out.stderr)")
        }
        #expect(clock.now - start < .seconds(20), "the run ended promptly")
        #expect(!out.stderr.contains("Illegal instruction") && !out.stderr.contains("Fatal error"), "\(out.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/cleaned"), "the cleanup ran")
        #expect(ProcessTable.processes(containing: marker).isEmpty, "the service was stopped")
        #expect(ProcessTable.processes(containing: "sleep \(ending.sleep).\(port)").isEmpty, "the step's own process was stopped")
    }
}
