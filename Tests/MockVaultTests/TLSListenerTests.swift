import AsyncHTTPClient
import Foundation
import Testing
@testable import MockVault
import GoValues

/// The `-dev-tls` listener: plain HTTP refused like Go's net/http, HTTPS trusted via the written CA, cert auth over mTLS.
@Suite("TLS listener and cert auth", .serialized)
struct TLSListenerTests {
    private func client(caPEM: String, identity: TestClientCertificates.Identity? = nil) throws -> HTTPClient {
        try TestClientCertificates.client(caPEM: caPEM, identity: identity)
    }

    private func tlsConfiguration() -> MockVaultConfiguration {
        MockVaultConfiguration(tls: true, tlsCertDirectory: NSTemporaryDirectory() + "mockvault-tls-\(UUID().uuidString)", trustedCAFile: nil)
    }

    @Test("plain HTTP to the TLS port gets Go's raw 400 answer; HTTPS works with the written CA")
    func plainHTTPRefused() async throws {
        try await withMockVault(tlsConfiguration()) { server, _ in
            #expect(server.address.hasPrefix("https://127.0.0.1:"))
            let raw = RawTCP.exchange(port: server.port, "GET /v1/sys/health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: test\r\n\r\n")
            #expect(raw == "HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n")
            let caFile = try #require(server.caFile)
            #expect(caFile.hasSuffix("/vault-ca.pem"))
            #expect(try String(contentsOfFile: caFile, encoding: .utf8) == server.caPEM)
            let https = try client(caPEM: try #require(server.caPEM))
            let health = try await VaultHTTP(base: server.address, client: https).send("GET", "/v1/sys/health")
            try await https.shutdown()
            #expect(health.status == 200)
        }
    }

    @Test("cert login: trusted client certificate, missing certificate, rogue CA, CN constraint")
    func certLogin() async throws {
        let clientCAPEM = TestClientCertificates.caPEM
        let kong = TestClientCertificates.kong
        let rogue = TestClientCertificates.rogue
        try await withMockVault(tlsConfiguration()) { server, _ in
            let caPEM = try #require(server.caPEM)
            let plain = try client(caPEM: caPEM)
            let admin = VaultHTTP(base: server.address, client: plain)
            #expect(try await admin.send("POST", "/v1/sys/auth/cert", token: "root", body: #"{"type":"cert"}"#).status == 204)
            #expect(try await admin.send("POST", "/v1/auth/cert/certs/kong", token: "root", json: .object([
                ("display_name", .string("kong")), ("certificate", .string(clientCAPEM)),
                ("token_policies", .string("default")), ("token_ttl", .int(3600)),
            ])).status == 204)
            #expect(try await admin.send("POST", "/v1/auth/cert/certs/onlyother", token: "root", json: .object([
                ("certificate", .string(clientCAPEM)), ("allowed_common_names", .string("someone-else")),
            ])).status == 204)
            let none = try await admin.send("POST", "/v1/auth/cert/login", body: #"{"name":"kong"}"#)
            #expect(none.text == "{\"errors\":[\"no client certificate found\"]}\n")

            let good = try client(caPEM: caPEM, identity: kong)
            let named = try await VaultHTTP(base: server.address, client: good).send("POST", "/v1/auth/cert/login", body: #"{"name":"kong"}"#)
            #expect(named.status == 200)
            #expect(named.json?["auth"]?["metadata"]?["cert_name"] == .string("kong"))
            #expect(named.json?["auth"]?["metadata"]?["common_name"] == .string("kong-client"))
            #expect(named.json?["auth"]?["lease_duration"] == .int(3600))
            let keyID = named.json?["auth"]?["metadata"]?["subject_key_id"]?.stringValue ?? ""
            #expect(keyID.count == 59 && keyID.split(separator: ":").count == 20, "colon-separated SHA-1: \(keyID)")
            #expect(named.json?["auth"]?["metadata"]?["serial_number"]?.stringValue?.allSatisfy(\.isNumber) == true)
            let constrained = try await VaultHTTP(base: server.address, client: good).send("POST", "/v1/auth/cert/login",
                                                                                           body: #"{"name":"onlyother"}"#)
            #expect(constrained.text == "{\"errors\":[\"no chain matching all constraints could be found for this login certificate\"]}\n")
            let unknown = try await VaultHTTP(base: server.address, client: good).send("POST", "/v1/auth/cert/login", body: #"{"name":"nope"}"#)
            #expect(unknown.text == "{\"errors\":[\"invalid certificate or no client certificate supplied\"]}\n")
            try await good.shutdown()

            let bad = try client(caPEM: caPEM, identity: rogue)
            let rejected = try await VaultHTTP(base: server.address, client: bad).send("POST", "/v1/auth/cert/login", body: "{}")
            #expect(rejected.text == "{\"errors\":[\"invalid certificate or no client certificate supplied\"]}\n")
            try await bad.shutdown()
            try await plain.shutdown()
        }
    }
}
