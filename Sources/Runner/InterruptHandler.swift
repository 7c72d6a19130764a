import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT, SIGTERM, SIGHUP (the terminal closed) and a closed standard output or error (`| head`) into
/// cancellation of a task, so that runs stop their steps and still clean up.
public enum InterruptHandler {
    /// Runs `operation`; a SIGINT, SIGTERM, SIGHUP or closed output cancels it (once). Returns its value.
    public static func run<T: Sendable>(_ operation: @escaping @Sendable () async -> T) async -> T {
        let task = Task { await operation() }
        StandardStream.whenClosed { task.cancel() }
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
