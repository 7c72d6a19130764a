import Foundation
import TestPKI

/// The CA and server certificate `-dev-tls` generates and writes as `vault-ca.pem`, `vault-cert.pem`, `vault-key.pem`.
struct DevTLSMaterial: Sendable {
    let caPEM: String
    let certificatePEM: String
    let keyPEM: String
    let caFile: String

    /// Serves a given certificate and key (e.g. a self-signed one), as a listener's `tls_cert_file`/`tls_key_file`.
    static func load(certificateFile: String, keyFile: String) throws -> DevTLSMaterial {
        do {
            let certificatePEM = try String(contentsOfFile: certificateFile, encoding: .utf8)
            let keyPEM = try String(contentsOfFile: keyFile, encoding: .utf8)
            return DevTLSMaterial(caPEM: certificatePEM, certificatePEM: certificatePEM, keyPEM: keyPEM, caFile: certificateFile)
        } catch {
            throw MockVaultError.tlsMaterial("cannot read \(certificateFile) or \(keyFile): \(error)")
        }
    }

    /// Generates P-256 material for localhost/127.0.0.1 and writes it to `directory` (a new temporary one when nil).
    static func generate(directory: String?) throws -> DevTLSMaterial {
        do {
            let ca = try TestCA.generate(commonName: "vault-dev-ca", validity: .seconds(365 * 86_400))
            var hosts = ["localhost", "localhost4", "localhost6", "localhost.localdomain", "127.0.0.1"]
            let hostName = ProcessInfo.processInfo.hostName
            if !hosts.contains(hostName) { hosts.append(hostName) }
            let server = try ca.issueServerCertificate(hosts: hosts)
            let dir = directory ?? (NSTemporaryDirectory() + "vault-tls" + RandomID.alphanumeric(8))
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let caPEM = try ca.certificatePEM + "\n"
            let certificatePEM = try server.certificatePEM + "\n"
            let keyPEM = try server.privateKeyPEM + "\n"
            let caFile = dir + "/vault-ca.pem"
            try caPEM.write(toFile: caFile, atomically: true, encoding: .utf8)
            try certificatePEM.write(toFile: dir + "/vault-cert.pem", atomically: true, encoding: .utf8)
            try keyPEM.write(toFile: dir + "/vault-key.pem", atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: dir + "/vault-key.pem")
            return DevTLSMaterial(caPEM: caPEM, certificatePEM: certificatePEM, keyPEM: keyPEM, caFile: caFile)
        } catch {
            throw MockVaultError.tlsMaterial("\(error)")
        }
    }
}
