import Crypto
import Foundation
import SwiftASN1
import X509

/// Certificates of every shape cert auth must judge: CAs, intermediates, and client leaves with chosen
/// dates, extended key usages, organisational units and SANs.
struct CertificateFactory {
    /// A certificate with its key.
    struct Issued {
        let certificate: Certificate
        let key: Certificate.PrivateKey

        var pem: String { (try? certificate.serializeAsPEM().pemString) ?? "" }
        var keyPEM: String { (try? key.serializeAsPEM().pemString) ?? "" }
    }

    /// What a leaf carries.
    struct Leaf {
        var commonName = "kong-client"
        var units: [String] = []
        var dnsNames: [String] = []
        var emails: [String] = []
        /// nil: no extended key usage extension.
        var usages: [ExtendedKeyUsage.Usage]? = [.clientAuth]
        var notBefore: TimeInterval = -60
        var notAfter: TimeInterval = 86_400
    }

    static func authority(_ name: String, issuer: Issued? = nil) throws -> Issued {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let subject = try DistinguishedName { CommonName(name) }
        let now = Date()
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: key.publicKey, notValidBefore: now.addingTimeInterval(-60),
            notValidAfter: now.addingTimeInterval(86_400), issuer: issuer?.certificate.subject ?? subject, subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: key.publicKey)
            }, issuerPrivateKey: issuer?.key ?? key)
        return Issued(certificate: certificate, key: key)
    }

    static func leaf(_ leaf: Leaf, issuer: Issued?) throws -> Issued {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let now = Date()
        let subject = try DistinguishedName {
            for unit in leaf.units { OrganizationalUnitName(unit) }
            CommonName(leaf.commonName)
        }
        var alternatives: [GeneralName] = leaf.dnsNames.map { .dnsName($0) }
        alternatives += leaf.emails.map { .rfc822Name($0) }
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: key.publicKey, notValidBefore: now.addingTimeInterval(leaf.notBefore),
            notValidAfter: now.addingTimeInterval(leaf.notAfter), issuer: issuer?.certificate.subject ?? subject, subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                if let usages = leaf.usages { try ExtendedKeyUsage(usages) }
                if !alternatives.isEmpty { SubjectAlternativeNames(alternatives) }
                SubjectKeyIdentifier(hash: key.publicKey)
            }, issuerPrivateKey: issuer?.key ?? key)
        return Issued(certificate: certificate, key: key)
    }
}
