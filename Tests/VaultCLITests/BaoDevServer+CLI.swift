import Foundation
import TestHelpers
@testable import VaultCLI

extension BaoDevServer {
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
