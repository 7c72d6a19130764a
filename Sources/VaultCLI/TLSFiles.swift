import Foundation
import SwiftASN1
import X509

/// The CLI's TLS files (`-ca-cert`, `-ca-path`, `-client-cert`, `-client-key` and their `VAULT_*` variables),
/// checked in the order and with the wording of the Go API client's `ConfigureTLS`.
struct TLSFiles: Equatable {
    var caCert: String?
    var caPath: String?
    var clientCert: String?
    var clientKey: String?

    /// The files the environment names (`VAULT_CACERT`, `VAULT_CAPATH`, `VAULT_CLIENT_CERT`, `VAULT_CLIENT_KEY`).
    init(environment: [String: String]) {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        self.init(caCert: value("VAULT_CACERT"), caPath: value("VAULT_CAPATH"),
                  clientCert: value("VAULT_CLIENT_CERT"), clientKey: value("VAULT_CLIENT_KEY"))
    }

    init(caCert: String? = nil, caPath: String? = nil, clientCert: String? = nil, clientKey: String? = nil) {
        self.caCert = caCert
        self.caPath = caPath
        self.clientCert = clientCert
        self.clientKey = clientKey
    }

    /// These files with each one a flag names in its place.
    func overridden(by flags: GoFlags) -> TLSFiles {
        TLSFiles(caCert: flags.string("ca-cert") ?? caCert, caPath: flags.string("ca-path") ?? caPath,
                 clientCert: flags.string("client-cert") ?? clientCert, clientKey: flags.string("client-key") ?? clientKey)
    }

    /// The client certificate and key PEM text, once `problem()` found nothing wrong.
    var clientPair: (certificate: String, key: String)? {
        guard let clientCert, let clientKey,
              let certificate = try? String(contentsOfFile: clientCert, encoding: .utf8),
              let key = try? String(contentsOfFile: clientKey, encoding: .utf8) else { return nil }
        return (certificate, key)
    }

    /// What Go's client reports about these files (client pair first, then the CA), or nil when they load.
    func problem() -> String? {
        switch (clientCert, clientKey) {
        case (nil, nil): break
        case let (certificate?, key?):
            if let problem = Self.keyPairProblem(certificateFile: certificate, keyFile: key) { return problem }
        default: return "both client cert and client key must be provided"
        }
        if let caCert {
            guard let text = FileManager.default.contents(atPath: caCert).map({ String(decoding: $0, as: UTF8.self) }) else {
                return "Error loading CA File: open \(caCert): no such file or directory"
            }
            if PEMBlocks(text).types.filter({ $0 == "CERTIFICATE" }).isEmpty { return "Error loading CA File: Couldn't parse PEM in: \(caCert)" }
        }
        // Checked even when a CA file is named, as OpenBao does.
        if let caPath, !FileManager.default.fileExists(atPath: caPath) {
            return "lstat \(caPath): no such file or directory"
        }
        return nil
    }

    /// The trusted CA certificates' files: `caCert` and the files of `caPath`.
    var trustFiles: [String] {
        let inPath = caPath.flatMap { path in
            (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted().map { (path as NSString).appendingPathComponent($0) }
        } ?? []
        return (caCert.map { [$0] } ?? []) + inPath
    }

    /// Go's `tls.LoadX509KeyPair` errors.
    private static func keyPairProblem(certificateFile: String, keyFile: String) -> String? {
        guard let certificateText = FileManager.default.contents(atPath: certificateFile).map({ String(decoding: $0, as: UTF8.self) }) else {
            return "open \(certificateFile): no such file or directory"
        }
        guard let keyText = FileManager.default.contents(atPath: keyFile).map({ String(decoding: $0, as: UTF8.self) }) else {
            return "open \(keyFile): no such file or directory"
        }
        let certificateTypes = PEMBlocks(certificateText).types
        if !certificateTypes.contains("CERTIFICATE") {
            if certificateTypes.isEmpty { return "tls: failed to find any PEM data in certificate input" }
            if certificateTypes.count == 1, certificateTypes[0].hasSuffix("PRIVATE KEY") {
                return "tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched"
            }
            return "tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM blocks of the following types: [\(certificateTypes.joined(separator: " "))]"
        }
        let keyBlocks = PEMBlocks(keyText)
        let keyTypes = keyBlocks.types
        guard let keyBlock = keyBlocks.blocks.first(where: { $0.type == "PRIVATE KEY" || $0.type.hasSuffix(" PRIVATE KEY") }) else {
            if keyTypes.isEmpty { return "tls: failed to find any PEM data in key input" }
            if keyTypes == ["CERTIFICATE"] { return "tls: found a certificate rather than a key in the PEM for the private key" }
            return "tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after skipping PEM blocks of the following types: [\(keyTypes.joined(separator: " "))]"
        }
        let certificate: Certificate
        do { certificate = try Certificate(pemEncoded: PEMBlocks(certificateText).first("CERTIFICATE") ?? certificateText) } catch {
            return "x509: malformed certificate"
        }
        let key: Certificate.PrivateKey
        do { key = try Certificate.PrivateKey(pemEncoded: keyBlock.text) } catch {
            return "tls: failed to parse private key"
        }
        return key.publicKey == certificate.publicKey ? nil : "tls: private key does not match public key"
    }
}

/// The `-----BEGIN TYPE-----` ... `-----END TYPE-----` blocks of PEM text, in order.
private struct PEMBlocks {
    let blocks: [(type: String, text: String)]

    init(_ text: String) {
        var blocks: [(String, String)] = []
        var current: (type: String, lines: [Substring])?
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current == nil, trimmed.hasPrefix("-----BEGIN "), trimmed.hasSuffix("-----") {
                current = (String(trimmed.dropFirst(11).dropLast(5)), [line])
            } else if var block = current {
                block.lines.append(line)
                current = block
                if trimmed == "-----END \(block.type)-----" {
                    blocks.append((block.type, block.lines.joined(separator: "\n")))
                    current = nil
                }
            }
        }
        self.blocks = blocks
    }

    var types: [String] { blocks.map(\.type) }

    func first(_ type: String) -> String? { blocks.first { $0.type == type }?.text }
}
