public import X509
import SwiftASN1

/// A certificate issued by a `TestCA`, with its private key.
public struct IssuedCertificate: Sendable {
    /// The issued certificate.
    public let certificate: Certificate
    let privateKey: Certificate.PrivateKey

    /// The certificate as PEM.
    public var certificatePEM: String {
        get throws { try certificate.serializeAsPEM().pemString }
    }

    /// The private key as PKCS#8 PEM (`BEGIN PRIVATE KEY`). Keep it in memory or in the run's directory.
    public var privateKeyPEM: String {
        get throws { try privateKey.serializeAsPEM().pemString }
    }

    /// Writes `NAME.pem` (0644) and `NAME-key.pem` (0600) into `directory`, returning both paths.
    public func write(to directory: String, name: String) throws -> (certificate: String, key: String) {
        let certificatePath = directory + "/" + name + ".pem"
        let keyPath = directory + "/" + name + "-key.pem"
        try PrivateFile.write(certificatePEM + "\n", to: certificatePath, mode: 0o644)
        try PrivateFile.write(privateKeyPEM + "\n", to: keyPath, mode: 0o600)
        return (certificatePath, keyPath)
    }
}
