import Foundation
import Synchronization

/// Vault tokens obtained by logins, reused until their lease ends (Kong caches them so that, e.g., a
/// single-use response-wrapping token is unwrapped once).
final class VaultTokenCache: Sendable {
    private let entries = Mutex<[String: (token: String, expiresAt: Double)]>([:])
    private let now: @Sendable () -> Double

    /// A cache measuring leases with `now` (seconds since the epoch).
    init(now: @escaping @Sendable () -> Double) {
        self.now = now
    }

    /// The unexpired token stored for `key`.
    func token(for key: String) -> String? {
        let time = now()
        return entries.withLock { entries in
            guard let entry = entries[key], time < entry.expiresAt else { return nil }
            return entry.token
        }
    }

    /// Remembers a login's token for its lease (forever when the lease is 0).
    func store(_ login: HCVStrategy.Login, for key: String) {
        let expiresAt = login.leaseDuration > 0 ? now() + login.leaseDuration : .infinity
        entries.withLock { $0[key] = (login.token, expiresAt) }
    }
}
