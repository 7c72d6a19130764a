import Foundation
import Testing
@testable import TestPKI
import X509

@Suite struct TestCATests {
    @Test func serverCertificateVerifiesAgainstTheCA() throws {
        let dir = try TemporaryDirectory(); defer { dir.remove() }
        let ca = try TestCA.generate()
        let bundle = try ca.writeBundle(to: dir.path, server: try ca.issueServerCertificate())
        let result = try OpenSSL.run(["verify", "-purpose", "sslserver", "-CAfile", bundle.caCertificate, bundle.serverCertificate])
        #expect(result.status == 0)
        #expect(result.output.contains("server.pem: OK"))
    }

    @Test func serverCertificateDoesNotVerifyAgainstAnotherCA() throws {
        let dir = try TemporaryDirectory(); defer { dir.remove() }
        let ca = try TestCA.generate()
        let other = try TestCA.generate()
        let bundle = try ca.writeBundle(to: dir.path, server: try ca.issueServerCertificate())
        let otherPath = dir.path + "/other.pem"
        try (try other.certificatePEM).write(toFile: otherPath, atomically: true, encoding: .utf8)
        let result = try OpenSSL.run(["verify", "-CAfile", otherPath, bundle.serverCertificate])
        #expect(result.status != 0)
    }

    @Test func serverCertificateNamesEveryHost() throws {
        let dir = try TemporaryDirectory(); defer { dir.remove() }
        let ca = try TestCA.generate()
        let bundle = try ca.writeBundle(to: dir.path, server: try ca.issueServerCertificate(hosts: TestCA.defaultServerHosts + ["::1"]))
        let text = try OpenSSL.run(["x509", "-noout", "-text", "-in", bundle.serverCertificate]).output
        #expect(text.contains("DNS:localhost"))
        #expect(text.contains("IP Address:127.0.0.1"))
        #expect(text.contains("DNS:host.docker.internal"))
        #expect(text.contains("IP Address:0:0:0:0:0:0:0:1"))
        #expect(!text.contains("DNS:127.0.0.1"))
        #expect(text.contains("TLS Web Server Authentication"))
        #expect(text.contains("CA:FALSE"))
        #expect(text.contains("Public Key Algorithm: id-ecPublicKey"))
    }

    @Test func caCertificateIsACertificateAuthority() throws {
        let dir = try TemporaryDirectory(); defer { dir.remove() }
        let ca = try TestCA.generate(commonName: "run CA", validity: .seconds(600))
        let bundle = try ca.writeBundle(to: dir.path, server: try ca.issueServerCertificate())
        let text = try OpenSSL.run(["x509", "-noout", "-text", "-in", bundle.caCertificate]).output
        #expect(text.contains("CA:TRUE"))
        #expect(text.contains("Certificate Sign"))
        #expect(text.contains("Subject: CN = run CA"))
        let lifetime = ca.certificate.notValidAfter.timeIntervalSince(ca.certificate.notValidBefore)
        #expect(abs(lifetime - 660) < 2)
    }

    @Test func clientCertificateIsForClientAuthentication() throws {
        let dir = try TemporaryDirectory(); defer { dir.remove() }
        let ca = try TestCA.generate()
        let bundle = try ca.writeBundle(to: dir.path, server: try ca.issueServerCertificate())
        let (certificate, key) = try ca.issueClientCertificate(commonName: "kong").write(to: dir.path, name: "client")
        let verify = try OpenSSL.run(["verify", "-purpose", "sslclient", "-CAfile", bundle.caCertificate, certificate])
        #expect(verify.status == 0)
        let serverPurpose = try OpenSSL.run(["verify", "-purpose", "sslserver", "-CAfile", bundle.caCertificate, certificate])
        #expect(serverPurpose.status != 0)
        let text = try OpenSSL.run(["x509", "-noout", "-text", "-in", certificate]).output
        #expect(text.contains("TLS Web Client Authentication"))
        #expect(text.contains("Subject: CN = kong"))
        #expect(try permissions(of: key) == 0o600)
    }

    @Test func invalidHostIsRejected() throws {
        let ca = try TestCA.generate()
        #expect(throws: TestPKIError.self) { try ca.issueServerCertificate(hosts: ["bad host"]) }
        #expect(throws: TestPKIError.self) { try ca.issueServerCertificate(hosts: []) }
    }
}

func permissions(of path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

@Suite struct TestCAServerHostsTests {
    @Test func extraHostIsAddedOnce() {
        #expect(TestCA.serverHosts(including: "localhost") == TestCA.defaultServerHosts)
        #expect(TestCA.serverHosts(including: "idp.test") == TestCA.defaultServerHosts + ["idp.test"])
    }
}
