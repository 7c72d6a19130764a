import Foundation
import TestHelpers
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `howto` binary as a user would, for end-to-end tests.
struct HowtoBinary {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let path = packageRoot.appendingPathComponent(".build/debug/howto").path
    static let fixtures = packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures").path

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `howto arguments` in `directory` (with `stdin` as its input when given); `whileRunning` may signal
    /// the process (it gets the pid).
    static func run(executable: String = path, _ arguments: [String], in directory: String = fixtures, environment extra: [String: String] = [:],
                    replaceEnvironment: Bool = false, stdin: String? = nil, whileRunning: ((Int32) async -> Void)? = nil) async throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = replaceEnvironment ? [:] : ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "GITHUB_ACTIONS")
        environment.removeValue(forKey: "GITHUB_STEP_SUMMARY")
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        // Blocking reads and waits run on Dispatch threads: the cooperative pool (2 threads here) must stay free.
        async let stdout = Self.readAll(out.fileHandleForReading)
        async let stderr = Self.readAll(err.fileHandleForReading)
        let (exited, exit) = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in
            exit.yield()
            exit.finish()
        }
        try process.run()
        if let whileRunning { await whileRunning(process.processIdentifier) }
        for await _ in exited { break }
        let (o, e) = await (stdout, stderr)
        return Outcome(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    private static func readAll(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: handle.readDataToEndOfFile()) }
        }
    }


    /// A scratch directory.
    static func temporaryDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "howto-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
