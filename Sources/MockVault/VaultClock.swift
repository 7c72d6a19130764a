public import Foundation
import Synchronization

/// Where the mock reads the current time; tests inject a ``ManualClock`` to expire tokens.
public protocol VaultClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The wall clock.
public struct SystemClock: VaultClock {
    /// Creates the wall clock.
    public init() {}
    /// The current instant.
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to.
public final class ManualClock: VaultClock {
    private let current: Mutex<Date>

    /// Creates a clock stopped at `start`.
    public init(start: Date = Date()) { current = Mutex(start) }

    /// The current instant.
    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
