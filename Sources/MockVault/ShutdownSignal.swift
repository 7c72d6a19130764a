import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits for SIGTERM or SIGINT with a self-pipe, so the signal is caught whichever thread it lands on.
enum ShutdownSignal {
    nonisolated(unsafe) private static var writeEnd: Int32 = -1
    nonisolated(unsafe) private static var readEnd: Int32 = -1

    /// Installs the handlers: from now on SIGTERM and SIGINT no longer kill the process.
    static func install() {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        writeEnd = fds[1]
        readEnd = fds[0]
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in
            var byte: UInt8 = 1
            _ = write(ShutdownSignal.writeEnd, &byte, 1)
        }
        #else
        action.__sigaction_u.__sa_handler = { _ in
            var byte: UInt8 = 1
            _ = write(ShutdownSignal.writeEnd, &byte, 1)
        }
        #endif
        sigemptyset(&action.sa_mask)
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with these blocked (Foundation's Process spawns from a thread that
        // blocks them); the real server (Go) stops on SIGTERM whatever it inherited, and so do we.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGTERM)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Returns once SIGTERM or SIGINT arrives (after ``install()``).
    static func wait() async {
        let readEnd = Self.readEnd
        guard readEnd >= 0 else { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                var byte: UInt8 = 0
                while read(readEnd, &byte, 1) < 0 && errno == EINTR {}
                continuation.resume()
            }
        }
    }
}
