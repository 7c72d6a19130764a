import Crypto
import Foundation
import GoValues

/// State of one userpass auth mount: its users, each with a salted password hash and token settings.
struct UserpassBackend: Sendable {
    struct User: Sendable {
        var salt: [UInt8] = []
        var passwordHash: [UInt8] = []
        var tokenPolicies: [String] = []
        var tokenTTL = 0
        var tokenMaxTTL = 0
        var tokenNoDefaultPolicy = false
        /// Client addresses (CIDRs) the issued tokens may be used from; empty = any.
        var tokenBoundCIDRs: [String] = []
        var tokenNumUses = 0
        var tokenType = "default"

        /// Stores a salted SHA-256 of `password` (never the password).
        mutating func setPassword(_ password: String) {
            salt = RandomID.bytes(16)
            passwordHash = Self.hash(password, salt: salt)
        }

        func matches(_ password: String) -> Bool {
            let candidate = Self.hash(password, salt: salt)
            return candidate.count == passwordHash.count && zip(candidate, passwordHash).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
        }

        private static func hash(_ password: String, salt: [UInt8]) -> [UInt8] {
            Array(SHA256.hash(data: salt + Array(password.utf8)))
        }

        /// `GET users/NAME`: the token settings, never the password.
        var data: JSONValue {
            .object([
                ("token_bound_cidrs", .strings(tokenBoundCIDRs)), ("token_explicit_max_ttl", .int(0)), ("token_max_ttl", .int(tokenMaxTTL)),
                ("token_no_default_policy", .bool(tokenNoDefaultPolicy)), ("token_num_uses", .int(tokenNumUses)),
                ("token_period", .int(0)), ("token_policies", .strings(tokenPolicies)), ("token_strictly_bind_ip", .bool(false)),
                ("token_ttl", .int(tokenTTL)), ("token_type", .string(tokenType)),
            ])
        }
    }

    var users: [String: User] = [:]
}
