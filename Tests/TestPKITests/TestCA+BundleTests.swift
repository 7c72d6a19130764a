import Foundation
import Testing
@testable import TestPKI

@Suite struct TestCABundleTests {
    @Test func serverKeyIsPrivateAndMatchesTheCertificate() throws {
        let dir = try TemporaryDirectory(); defer { dir.remove() }
        let ca = try TestCA.generate()
        let bundle = try ca.writeBundle(to: dir.path, server: try ca.issueServerCertificate())
        #expect(try permissions(of: bundle.serverKey) == 0o600)
        #expect(try permissions(of: dir.path) == 0o700)
        let fromKey = try OpenSSL.run(["pkey", "-in", bundle.serverKey, "-pubout"])
        let fromCertificate = try OpenSSL.run(["x509", "-in", bundle.serverCertificate, "-noout", "-pubkey"])
        #expect(fromKey.status == 0)
        #expect(fromKey.output.contains("BEGIN PUBLIC KEY"))
        #expect(fromKey.output == fromCertificate.output)
    }

    @Test func missingParentDirectoriesAreCreated() throws {
        let dir = try TemporaryDirectory(); defer { dir.remove() }
        let ca = try TestCA.generate()
        let bundle = try ca.writeBundle(to: dir.path + "/run/pki", server: try ca.issueServerCertificate())
        #expect(FileManager.default.fileExists(atPath: bundle.serverKey))
        #expect(try permissions(of: dir.path + "/run/pki") == 0o700)
    }

    @Test func rewritingTightensAnExistingKeyFile() throws {
        let dir = try TemporaryDirectory(); defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.path, withIntermediateDirectories: true)
        let keyPath = dir.path + "/server-key.pem"
        FileManager.default.createFile(atPath: keyPath, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644])
        let ca = try TestCA.generate()
        _ = try ca.writeBundle(to: dir.path, server: try ca.issueServerCertificate())
        #expect(try permissions(of: keyPath) == 0o600)
        #expect(try String(contentsOfFile: keyPath, encoding: .utf8).hasPrefix("-----BEGIN PRIVATE KEY-----"))
    }

    @Test func bundleHoldsTheSystemRootsThenTheRunCA() throws {
        let dir = try TemporaryDirectory(); defer { dir.remove() }
        let system = try #require(TestCA.systemBundlePath)
        let ca = try TestCA.generate()
        let bundle = try ca.writeBundle(to: dir.path, server: try ca.issueServerCertificate())
        let systemText = try String(contentsOfFile: system, encoding: .utf8)
        let bundleText = try String(contentsOfFile: bundle.caBundle, encoding: .utf8)
        let caText = try String(contentsOfFile: bundle.caCertificate, encoding: .utf8)
        #expect(bundleText.hasPrefix(systemText))
        #expect(bundleText.hasSuffix(caText))
        #expect(certificateCount(bundleText) == certificateCount(systemText) + 1)
        #expect(certificateCount(systemText) > 10)
        let verify = try OpenSSL.run(["verify", "-CAfile", bundle.caBundle, bundle.serverCertificate])
        #expect(verify.status == 0)
    }

    @Test func bundleWithoutSystemRootsHoldsOnlyTheRunCA() throws {
        let dir = try TemporaryDirectory(); defer { dir.remove() }
        let ca = try TestCA.generate()
        let bundle = try ca.writeBundle(to: dir.path, server: try ca.issueServerCertificate(), systemBundle: nil)
        #expect(certificateCount(try String(contentsOfFile: bundle.caBundle, encoding: .utf8)) == 1)
        #expect(throws: TestPKIError.self) {
            try ca.writeBundle(to: dir.path, server: try ca.issueServerCertificate(), systemBundle: dir.path + "/missing.crt")
        }
    }

    @Test func generationIsFast() throws {
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            let ca = try TestCA.generate()
            _ = try ca.issueServerCertificate()
        }
        #expect(elapsed < .seconds(1))
    }

    private func certificateCount(_ text: String) -> Int {
        text.components(separatedBy: "-----BEGIN CERTIFICATE-----").count - 1
    }
}
