import Diagnostics
import Foundation
import Runner
#if canImport(Glibc)
import Glibc
#endif

/// Reads the reader's answers from standard input, one line at a time, off the cooperative pool;
/// a cancelled wait (Ctrl-C) returns nil at once. Secrets are read with echo off.
public struct TerminalInput: Sendable {
    /// Creates a reader of standard input.
    public init() {}

    /// The next line without its newline; nil at end of input or when the task is cancelled.
    public func line() async -> String? {
        await read(echo: true)
    }

    /// The next line, typed without echo when standard input is a terminal.
    public func secret() async -> String? {
        await read(echo: false)
    }

    private func read(echo: Bool) async -> String? {
        let once = ResumeOnce()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
                once.set(continuation)
                let thread = Thread {
                    let saved = echo ? nil : Self.echoOff()
                    let line = readLine(strippingNewline: true)
                    if let saved {
                        Self.restore(saved)
                        StandardStream.output.write("\n")
                    }
                    once.resume(line)
                }
                thread.start()
            }
        } onCancel: {
            once.resume(nil)
        }
    }

    /// Turns terminal echo off; returns the settings to restore, nil when stdin is not a terminal.
    private static func echoOff() -> termios? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        var settings = termios()
        guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return nil }
        var quiet = settings
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        SavedTerminal.shared.remember(settings)
        return settings
    }

    private static func restore(_ settings: termios) {
        var settings = settings
        tcsetattr(STDIN_FILENO, TCSANOW, &settings)
        SavedTerminal.shared.forget()
    }

    /// Puts back terminal settings a cancelled secret prompt left changed (echo off).
    public static func restoreTerminal() {
        SavedTerminal.shared.restore()
    }
}

/// Resumes a continuation once: by the reading thread or by cancellation, whichever comes first.
private final class ResumeOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<String?, Never>?
    private var done = false
    private var early: String??

    func set(_ continuation: CheckedContinuation<String?, Never>) {
        lock.withLock {
            if let early {
                done = true
                continuation.resume(returning: early)
            } else {
                self.continuation = continuation
            }
        }
    }

    func resume(_ value: String?) {
        lock.withLock {
            guard !done else { return }
            if let continuation {
                done = true
                self.continuation = nil
                continuation.resume(returning: value)
            } else if early == nil {
                early = .some(value)
            }
        }
    }
}

/// The terminal settings in force before echo was turned off, while it is off.
private final class SavedTerminal: @unchecked Sendable {
    static let shared = SavedTerminal()
    private let lock = NSLock()
    private var settings: termios?

    func remember(_ settings: termios) { lock.withLock { self.settings = settings } }
    func forget() { lock.withLock { settings = nil } }
    func restore() {
        lock.withLock {
            guard var saved = settings else { return }
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            settings = nil
        }
    }
}
