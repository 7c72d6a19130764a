import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import TestHelpers
import Testing
import X509
@testable import MockVault
import GoValues

/// Cert auth logins with certificates of every shape, on a TLS `bao server -dev-tls` and on the mock with
/// TLS, in the same run: status, errors (times masked) and the login's identity must agree.
@Suite("cert auth on the mock vs bao server -dev-tls", .serialized)
struct CertAuthDifferentialTests {
    /// One login: the role the mount holds (its CA or pinned certificate and constraints), what the client presents.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// The role's fields besides `certificate`.
        var role: [(String, JSONValue)] = []
        /// Which certificate the role trusts: the root CA, the intermediate, or the leaf itself.
        var trust: Trust = .root
        var leaf = CertificateFactory.Leaf()
        var issuer: Issuer = .root
        /// Whether the client sends the intermediate with its leaf.
        var sendsIntermediate = true
        /// The login's `name` (a role), or nil for any.
        var loginName: String? = nil
        var testDescription: String { name }

        enum Trust: Sendable { case root, intermediate, leaf }
        enum Issuer: Sendable { case root, intermediate, stranger }
    }

    static let cases: [Case] = [
        Case(name: "a leaf of the trusted CA"),
        Case(name: "a leaf without extended key usage", leaf: .init(usages: nil)),
        Case(name: "a leaf for server authentication only", leaf: .init(usages: [.serverAuth])),
        Case(name: "an expired leaf", leaf: .init(notBefore: -7200, notAfter: -3600)),
        Case(name: "a leaf not valid yet", leaf: .init(notBefore: 3600, notAfter: 7200)),
        Case(name: "a leaf of another CA", issuer: .stranger),
        Case(name: "a leaf of an intermediate the client sends", issuer: .intermediate),
        Case(name: "a leaf of an intermediate the client does not send", issuer: .intermediate, sendsIntermediate: false),
        Case(name: "a role that trusts the intermediate", trust: .intermediate, issuer: .intermediate),
        Case(name: "a pinned leaf certificate", trust: .leaf, leaf: .init(usages: nil), issuer: .root),
        Case(name: "allowed_common_names that match", role: [("allowed_common_names", .strings(["kong-*"]))]),
        Case(name: "allowed_common_names that do not match", role: [("allowed_common_names", .strings(["other"]))]),
        Case(name: "allowed_organizational_units", role: [("allowed_organizational_units", .strings(["gateways"]))],
             leaf: .init(units: ["gateways"])),
        Case(name: "allowed_organizational_units missing from the leaf", role: [("allowed_organizational_units", .strings(["gateways"]))]),
        Case(name: "allowed_dns_sans", role: [("allowed_dns_sans", .strings(["*.kong.example"]))], leaf: .init(dnsNames: ["gw.kong.example"])),
        Case(name: "allowed_dns_sans without SANs", role: [("allowed_dns_sans", .strings(["*.kong.example"]))]),
        Case(name: "allowed_names on an email SAN", role: [("allowed_names", .strings(["*@kong.example"]))], leaf: .init(emails: ["ops@kong.example"])),
        Case(name: "allowed_email_sans that do not match", role: [("allowed_email_sans", .strings(["*@other.example"]))], leaf: .init(emails: ["ops@kong.example"])),
        Case(name: "a login naming the role", loginName: "r"),
        Case(name: "a login naming another role", loginName: "nosuch"),
    ]

    /// What is compared of a login answer: status, errors with times masked, and the identity on success.
    static func summary(_ answer: HTTPAnswer) -> String {
        var text = "\(answer.status)"
        if let errors = answer.json?["errors"] { text += " " + errors.goJSON() }
        if let auth = answer.json?["auth"] {
            text += " " + [auth["policies"], auth["metadata"]?["cert_name"], auth["metadata"]?["common_name"]].map { $0?.goJSON() ?? "-" }.joined(separator: " ")
        }
        return text.replacingOccurrences(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, with: "TIME", options: .regularExpression)
    }

    @Test func everyCertificateShapeIsJudgedAsOpenBaoJudgesIt() async throws {
        let bao = try await BaoDevServer.start(tls: true)
        defer { bao.stop() }
        let baoCA = try String(contentsOfFile: try #require(bao.caCertPath), encoding: .utf8)
        let root = try CertificateFactory.authority("client root")
        let intermediate = try CertificateFactory.authority("client intermediate", issuer: root)
        let stranger = try CertificateFactory.authority("stranger")
        try await withMockVault(MockVaultConfiguration(tls: true)) { server, _ in
            let mockCA = try #require(server.caPEM)
            var agreeing = 0
            for (index, test) in Self.cases.enumerated() {
                let issuer = [Case.Issuer.root: root, .intermediate: intermediate, .stranger: stranger][test.issuer]!
                let leaf = try CertificateFactory.leaf(test.leaf, issuer: issuer)
                let trusted = [Case.Trust.root: root, .intermediate: intermediate, .leaf: leaf][test.trust]!
                let chain = leaf.pem + (test.issuer == .intermediate && test.sendsIntermediate ? "\n" + intermediate.pem : "")
                var answers: [String] = []
                for (address, ca) in [(bao.address, baoCA), (server.address, mockCA)] {
                    let admin = VaultHTTP(base: address, client: try TestClientCertificates.client(caPEM: ca))
                    let mount = "c\(index)"
                    _ = try await admin.send("POST", "/v1/sys/auth/\(mount)", token: "root", json: .object([("type", .string("cert"))]))
                    let role = JSONValue.object([("certificate", .string(trusted.pem)), ("token_policies", .strings(["reader"]))] + test.role)
                    let written = try await admin.send("POST", "/v1/auth/\(mount)/certs/r", token: "root", json: role)
                    #expect(written.status == 204, "\(test.name): role write \(written.status) \(written.text)")
                    let client = try TestClientCertificates.client(caPEM: ca, identity: .init(certificatePEM: chain, privateKeyPEM: leaf.keyPEM))
                    let body: JSONValue = test.loginName.map { .object([("name", .string($0))]) } ?? .object([])
                    answers.append(Self.summary(try await VaultHTTP(base: address, client: client).send("POST", "/v1/auth/\(mount)/login", json: body)))
                    try await client.shutdown()
                    try await admin.client.shutdown()
                }
                #expect(answers[1] == answers[0], "\(test.name): bao \(answers[0]), mock \(answers[1])")
                if answers[1] == answers[0] { agreeing += 1 }
            }
            print("cert auth: \(agreeing) of \(Self.cases.count) certificate shapes judged as OpenBao judges them")
        }
    }
}
