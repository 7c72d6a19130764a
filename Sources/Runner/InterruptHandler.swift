import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT, SIGTERM and SIGHUP (the terminal closed) into cancellation of a task, so that runs stop their steps and still clean up.
public enum InterruptHandler {
    /// Runs `operation`; a SIGINT, SIGTERM or SIGHUP cancels it (once). Returns its value.
    public static func run<T: Sendable>(_ operation: @escaping @Sendable () async -> T) async -> T {
        let task = Task { await operation() }
        let sources = [SIGINT, SIGTERM, SIGHUP].map { signo -> any DispatchSourceSignal in
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: .global())
            source.setEventHandler { task.cancel() }
            source.resume()
            return source
        }
        let value = await task.value
        for source in sources { source.cancel() }
        return value
    }
}
