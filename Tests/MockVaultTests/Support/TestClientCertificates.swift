import AsyncHTTPClient
import NIOSSL
import TestPKI

/// Client certificates for cert auth: a trusted client CA with `kong-client`, and a rogue one.
enum TestClientCertificates {
    static let clientCA = try! TestCA.generate(commonName: "client CA")
    static let kong = try! clientCA.issueClientCertificate(commonName: "kong-client")
    static let rogue = try! TestCA.generate(commonName: "rogue CA").issueClientCertificate(commonName: "kong-client")

    /// An HTTPS client trusting `caPEM`, presenting `identity` when given.
    static func client(caPEM: String, identity: IssuedCertificate? = nil) throws -> HTTPClient {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(caPEM.utf8)))
        if let identity {
            tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(Array(try identity.certificatePEM.utf8)).map { .certificate($0) }
            tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(try identity.privateKeyPEM.utf8), format: .pem))
        }
        return HTTPClient(eventLoopGroupProvider: .singleton,
                          configuration: .init(tlsConfiguration: tls, redirectConfiguration: .disallow))
    }
}
