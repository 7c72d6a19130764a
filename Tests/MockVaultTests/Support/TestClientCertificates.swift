import AsyncHTTPClient
import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// Client certificates for cert auth: a trusted client CA with `kong-client`, and a rogue one.
/// Built here (not with TestPKI) so the leaf carries a subject key identifier, as the captured one does.
enum TestClientCertificates {
    struct Identity: Sendable {
        let certificatePEM: String
        let privateKeyPEM: String
    }

    static let (caPEM, kong): (String, Identity) = try! makeChain(caName: "client CA", leafName: "kong-client")
    static let rogue: Identity = try! makeChain(caName: "rogue CA", leafName: "kong-client").1

    private static func makeChain(caName: String, leafName: String) throws -> (String, Identity) {
        let now = Date()
        let caKey = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let caSubject = try DistinguishedName { CommonName(caName) }
        let ca = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: caKey.publicKey, notValidBefore: now.addingTimeInterval(-60),
            notValidAfter: now.addingTimeInterval(86_400), issuer: caSubject, subject: caSubject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: caKey.publicKey)
            }, issuerPrivateKey: caKey)
        let leafKey = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let leaf = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: leafKey.publicKey, notValidBefore: now.addingTimeInterval(-60),
            notValidAfter: now.addingTimeInterval(86_400), issuer: caSubject, subject: try DistinguishedName { CommonName(leafName) },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.clientAuth])
                SubjectKeyIdentifier(hash: leafKey.publicKey)
                AuthorityKeyIdentifier(keyIdentifier: try ca.extensions.subjectKeyIdentifier?.keyIdentifier)
            }, issuerPrivateKey: caKey)
        return (try ca.serializeAsPEM().pemString + "\n",
                Identity(certificatePEM: try leaf.serializeAsPEM().pemString, privateKeyPEM: try leafKey.serializeAsPEM().pemString))
    }

    /// An HTTPS client trusting `caPEM`, presenting `identity` when given.
    static func client(caPEM: String, identity: Identity? = nil) throws -> HTTPClient {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(caPEM.utf8)))
        if let identity {
            tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(Array(identity.certificatePEM.utf8)).map { .certificate($0) }
            tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(identity.privateKeyPEM.utf8), format: .pem))
        }
        return HTTPClient(eventLoopGroupProvider: .singleton,
                          configuration: .init(tlsConfiguration: tls, redirectConfiguration: .disallow))
    }
}
