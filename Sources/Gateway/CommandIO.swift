import Diagnostics
public import Foundation
import Synchronization

/// The standard streams of a multi-call command, replaceable so tests can capture them without spawning.
public struct CommandIO: Sendable {
    /// Reads all of standard input (called only when a command reads `-`).
    public var readStdin: @Sendable () -> Data
    /// Writes to standard output.
    public var writeStdout: @Sendable (String) -> Void
    /// Writes to standard error.
    public var writeStderr: @Sendable (String) -> Void

    /// Creates streams from closures.
    public init(readStdin: @escaping @Sendable () -> Data,
                writeStdout: @escaping @Sendable (String) -> Void,
                writeStderr: @escaping @Sendable (String) -> Void) {
        self.readStdin = readStdin
        self.writeStdout = writeStdout
        self.writeStderr = writeStderr
    }

    /// The process's own stdin, stdout and stderr.
    public static let standard = CommandIO(
        readStdin: { FileHandle.standardInput.readDataToEndOfFile() },
        writeStdout: { StandardStream.output.write($0) },
        writeStderr: { StandardStream.error.write($0) })

    /// Streams that read `stdin` and record what is written into `output`.
    public static func capturing(stdin: String = "", into output: CapturedOutput) -> CommandIO {
        CommandIO(readStdin: { Data(stdin.utf8) },
                  writeStdout: { output.append(stdout: $0) },
                  writeStderr: { output.append(stderr: $0) })
    }
}

/// Text a command wrote to stdout and stderr, recorded by ``CommandIO/capturing(stdin:into:)``.
public final class CapturedOutput: Sendable {
    private let storage = Mutex<(stdout: String, stderr: String)>(("", ""))

    /// An empty recording.
    public init() {}

    /// Everything written to stdout so far.
    public var stdout: String { storage.withLock { $0.stdout } }
    /// Everything written to stderr so far.
    public var stderr: String { storage.withLock { $0.stderr } }

    func append(stdout text: String) { storage.withLock { $0.stdout += text } }
    func append(stderr text: String) { storage.withLock { $0.stderr += text } }
}
