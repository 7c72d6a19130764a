import Foundation
import TestHelpers
#if canImport(Glibc)
import Glibc
#endif

/// A scratch directory with `vault`, `deck` and `kong` links to the built howto binary, as a run has.
struct ToolBox {
    let directory: String
    var environment: [String: String]

    init() throws {
        directory = try HowtoBinary.temporaryDirectory()
        let bin = directory + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        for name in ["vault", "deck", "kong"] {
            try FileManager.default.createSymbolicLink(atPath: bin + "/" + name, withDestinationPath: HowtoBinary.path)
        }
        environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["HOWTO_STATE_DIR"] = directory + "/state"
        environment["HOME"] = directory
        environment["NO_COLOR"] = "1"
        for key in ["VAULT_ADDR", "VAULT_TOKEN", "VAULT_CACERT", "SSL_CERT_FILE"] { environment.removeValue(forKey: key) }
    }

    /// Runs a bash script with the tools first on PATH; returns status, stdout, stderr.
    func sh(_ script: String) async throws -> HowtoBinary.Outcome {
        try await HowtoBinary.run(executable: "/bin/bash", ["-c", script], in: directory, environment: environment, replaceEnvironment: true)
    }

    /// Starts `vault server -dev ARGS` in the background and waits until it answers; returns its pid.
    func startVault(_ arguments: [String], readyURL: String) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: directory + "/bin/vault")
        process.arguments = ["server", "-dev"] + arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let pid = process.processIdentifier
        for _ in 0..<200 {
            let probe = try await sh("curl -sk -o /dev/null -w '%{http_code}' \(readyURL)")
            if probe.stdout == "200" { return pid }
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(pid, SIGKILL)
        throw ToolBoxError.notReady(readyURL)
    }

    enum ToolBoxError: Error { case notReady(String) }

}
