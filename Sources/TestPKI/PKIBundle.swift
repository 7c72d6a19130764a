/// The files of a run's PKI written by `TestCA.writeBundle(to:server:)`.
public struct PKIBundle: Sendable, Equatable {
    /// The directory holding every file below.
    public let directory: String
    /// `ca.pem`: the run's CA certificate alone.
    public let caCertificate: String
    /// `server.pem`: the server certificate.
    public let serverCertificate: String
    /// `server-key.pem`: the server's private key (mode 0600).
    public let serverKey: String
    /// `ca-bundle.pem`: the system roots followed by the run's CA; export it as `SSL_CERT_FILE`.
    public let caBundle: String
}
