import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Standard output or standard error that survives a closed reader (`howto test | head`): a write to a
/// closed pipe is dropped instead of trapping, later writes are dropped too, and whoever asked is told once
/// (a run then stops its steps and still cleans up).
public enum StandardStream: Sendable {
    case output, error

    private static let state = Mutex<(closed: Set<Int32>, handlers: [@Sendable () -> Void])>(([], []))

    /// Makes a write to a closed pipe fail with EPIPE instead of killing the process. A handled (not ignored)
    /// SIGPIPE is reset to the default by exec, so the steps' own programs still die quietly as in a terminal.
    public static func surviveClosedPipes() {
        signal(SIGPIPE, { _ in })
    }

    /// Runs `action` once when a write finds standard output or standard error closed.
    public static func whenClosed(_ action: @escaping @Sendable () -> Void) {
        let closed = state.withLock { state in
            state.handlers.append(action)
            return !state.closed.isEmpty
        }
        if closed { action() }
    }

    private var descriptor: Int32 { self == .output ? STDOUT_FILENO : STDERR_FILENO }

    /// Writes `text` whole, or drops it when the stream is closed.
    public func write(_ text: String) {
        let fd = descriptor
        guard !Self.state.withLock({ $0.closed.contains(fd) }) else { return }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0, errno == EINTR || errno == EAGAIN {
                continue
            } else {
                let handlers = Self.state.withLock { state -> [@Sendable () -> Void] in
                    let first = state.closed.isEmpty
                    state.closed.insert(fd)
                    return first ? state.handlers : []
                }
                for handler in handlers { handler() }
                return
            }
        }
    }
}
