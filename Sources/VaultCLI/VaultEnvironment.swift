import Foundation

/// The CLI's settings from environment variables (`VAULT_ADDR`, `VAULT_TOKEN`, ...),
/// before flags override them.
struct VaultEnvironment {
    /// The real CLI's default address.
    static let defaultAddress = "https://127.0.0.1:8200"

    let variables: [String: String]

    /// `$VAULT_ADDR`, or the default.
    var address: String { nonEmpty("VAULT_ADDR") ?? Self.defaultAddress }

    /// `$VAULT_TOKEN`, else the token helper file `$HOME/.vault-token`.
    var token: String? {
        if let token = nonEmpty("VAULT_TOKEN") { return token }
        guard let path = tokenFilePath, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return token.isEmpty ? nil : token
    }

    /// Where `vault login` stores the token.
    var tokenFilePath: String? {
        nonEmpty("HOME").map { ($0 as NSString).appendingPathComponent(".vault-token") }
    }

    /// `$SSL_CERT_FILE`: Go's crypto/x509 trusts that file instead of the system roots.
    var systemBundle: String? { nonEmpty("SSL_CERT_FILE") }

    /// `$VAULT_SKIP_VERIFY` parsed as Go's `strconv.ParseBool`.
    var skipVerify: Bool { ["1", "t", "T", "true", "TRUE", "True"].contains(variables["VAULT_SKIP_VERIFY"] ?? "") }

    /// `$VAULT_FORMAT`.
    var format: String? { nonEmpty("VAULT_FORMAT") }

    /// `$VAULT_NAMESPACE`.
    var namespace: String? { nonEmpty("VAULT_NAMESPACE") }

    /// `$VAULT_WRAP_TTL`.
    var wrapTTL: String? { nonEmpty("VAULT_WRAP_TTL") }

    private func nonEmpty(_ key: String) -> String? {
        guard let v = variables[key], !v.isEmpty else { return nil }
        return v
    }
}
