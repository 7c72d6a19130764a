/// TestPKI: a certificate authority generated for one run, the certificates it issues,
/// and the CA bundle file (system roots plus the run's CA) that every process of the run trusts.
///
/// Keys are P-256 (fast to generate); nothing is ever written outside the directory a caller names.
public import X509
import Foundation
import Crypto
import SwiftASN1

/// A certificate authority that lives for one run and issues server and client certificates.
public struct TestCA: Sendable {
    /// The host names a run's servers answer on: the loopback names and Docker's host alias.
    public static let defaultServerHosts = ["localhost", "127.0.0.1", "host.docker.internal"]

    /// The default server hosts plus `host`, for a server that also answers on another name.
    public static func serverHosts(including host: String) -> [String] {
        defaultServerHosts.contains(host) ? defaultServerHosts : defaultServerHosts + [host]
    }

    /// The CA certificate (self-signed, `CA:TRUE`, path length 0).
    public let certificate: Certificate
    private let privateKey: Certificate.PrivateKey

    /// The CA certificate as PEM.
    public var certificatePEM: String {
        get throws { try certificate.serializeAsPEM().pemString }
    }

    /// Generates a new CA valid from one minute ago for `validity`.
    public static func generate(commonName: String = "howto test CA", validity: Duration = .seconds(86_400)) throws -> TestCA {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let name = try DistinguishedName { CommonName(commonName) }
        let now = Date()
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: key.publicKey,
            notValidBefore: now.addingTimeInterval(-60), notValidAfter: now.addingTimeInterval(validity.timeInterval),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: key.publicKey)
            },
            issuerPrivateKey: key)
        return TestCA(certificate: certificate, privateKey: key)
    }

    /// The CA kept in `directory` as `ca.pem` and `ca-key.pem` (0600), created there on first use: for a
    /// server started outside a run (an already running Vault) that must trust the run's fixtures.
    public static func persistent(in directory: String) throws -> TestCA {
        let certificatePath = directory + "/ca.pem"
        let keyPath = directory + "/ca-key.pem"
        if let certificate = FileManager.default.contents(atPath: certificatePath),
           let key = FileManager.default.contents(atPath: keyPath)
        {
            do {
                return TestCA(
                    certificate: try Certificate(pemEncoded: String(decoding: certificate, as: UTF8.self)),
                    privateKey: try Certificate.PrivateKey(pemEncoded: String(decoding: key, as: UTF8.self)))
            } catch {
                throw TestPKIError.cannotRead(path: certificatePath)
            }
        }
        let ca = try generate(validity: .seconds(30 * 86_400))
        try PrivateFile.makeDirectory(directory)
        try PrivateFile.write(try ca.certificatePEM + "\n", to: certificatePath, mode: 0o644)
        try PrivateFile.write(try ca.privateKey.serializeAsPEM().pemString + "\n", to: keyPath, mode: 0o600)
        return ca
    }

    /// Issues a TLS server certificate whose subject alternative names are `hosts` (IP literals become IP SANs).
    public func issueServerCertificate(hosts: [String] = TestCA.defaultServerHosts) throws -> IssuedCertificate {
        guard let first = hosts.first else { throw TestPKIError.noHosts }
        let names = try hosts.map(SubjectAlternativeNames.name(for:))
        return try issue(commonName: first, usage: .serverAuth, subjectAlternativeNames: names)
    }

    /// Issues a TLS client certificate (for mutual TLS, e.g. Vault's cert auth).
    public func issueClientCertificate(commonName: String) throws -> IssuedCertificate {
        try issue(commonName: commonName, usage: .clientAuth, subjectAlternativeNames: [])
    }

    private func issue(commonName: String, usage: ExtendedKeyUsage.Usage,
                       subjectAlternativeNames: [GeneralName]) throws -> IssuedCertificate {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let authorityKeyID = try certificate.extensions.subjectKeyIdentifier?.keyIdentifier
        let leaf = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: key.publicKey,
            notValidBefore: certificate.notValidBefore, notValidAfter: certificate.notValidAfter,
            issuer: certificate.subject, subject: try DistinguishedName { CommonName(commonName) },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([usage])
                if !subjectAlternativeNames.isEmpty {
                    SubjectAlternativeNames(subjectAlternativeNames)
                }
                AuthorityKeyIdentifier(keyIdentifier: authorityKeyID)
            },
            issuerPrivateKey: privateKey)
        return IssuedCertificate(certificate: leaf, privateKey: key)
    }
}

extension Duration {
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
