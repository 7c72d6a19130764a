import Foundation

/// How to start a mock Vault server.
public struct MockVaultConfiguration: Sendable {
    /// Interface to bind (loopback by default).
    public var host: String
    /// Port to bind; 0 picks a free one.
    public var port: Int
    /// The root token id; nil generates an `s.` token as `vault server -dev` does.
    public var rootTokenID: String?
    /// Start initialised and unsealed with `secret/` mounted as KV v2 (what `-dev` does); false = uninitialised server.
    public var devMode: Bool
    /// Serve HTTPS with a generated CA (what `-dev-tls` does), requesting client certificates for cert auth.
    public var tls: Bool
    /// Where `-dev-tls` writes `vault-ca.pem`, `vault-cert.pem`, `vault-key.pem`; nil = a fresh temporary directory.
    public var tlsCertDirectory: String?
    /// A certificate (PEM) to serve instead of generated `-dev-tls` material, like a listener's `tls_cert_file`.
    public var tlsCertificateFile: String?
    /// The private key (PEM) of `tlsCertificateFile`, like a listener's `tls_key_file`.
    public var tlsKeyFile: String?
    /// The clock token and wrapping TTLs are measured against.
    public var clock: any VaultClock
    /// A PEM bundle trusted for outbound HTTPS (JWKS, OIDC discovery) instead of the system roots; defaults to `SSL_CERT_FILE`.
    public var trustedCAFile: String?

    /// A configuration; defaults match `vault server -dev` on an ephemeral loopback port.
    public init(host: String = "127.0.0.1", port: Int = 0, rootTokenID: String? = "root", devMode: Bool = true,
                tls: Bool = false, tlsCertDirectory: String? = nil, clock: any VaultClock = SystemClock(),
                trustedCAFile: String? = MockVaultConfiguration.environmentCAFile) {
        self.host = host
        self.port = port
        self.rootTokenID = rootTokenID
        self.devMode = devMode
        self.tls = tls
        self.tlsCertDirectory = tlsCertDirectory
        self.clock = clock
        self.trustedCAFile = trustedCAFile
    }

    /// `SSL_CERT_FILE` from the environment (the default trust bundle for outbound HTTPS), nil when unset.
    public static var environmentCAFile: String? {
        ProcessInfo.processInfo.environment["SSL_CERT_FILE"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
