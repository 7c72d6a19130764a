import Crypto
import Foundation
import Gateway
import MockIdP
import MockVault
import SwiftASN1
import Testing
import X509

struct TLSChainProbeTests {
    private static let prefix = "Error: could not get value from external vault (no value found (unable to retrieve secret from vault: "

    private func vault(_ server: MockVaultServer, host: String? = nil, scheme: String? = nil) -> GatewayJSON {
        var config = connection(server.address)
        if let host { config["host"] = .string(host) }
        if let scheme { config["protocol"] = .string(scheme) }
        config["token"] = .string(server.rootToken)
        config["kv"] = "v2"
        return hcvVault(config)
    }

    @Test func untrustedCAIsReportedWithOpenSSLsWording() async throws {
        try await withMockVault(MockVaultConfiguration(tls: true)) { server, admin in
            try await admin.putKV2("password", #"{"pass1":"my-password"}"#)
            let started = Date()
            #expect(await outcome(resolver([vault(server)]), "{vault://hashicorp-vault/password/pass1}")
                == Self.prefix + "21: unable to verify the first certificate))")
            #expect(Date().timeIntervalSince(started) < 4)
            let trusted = resolver([vault(server)], environment: ["KONG_LUA_SSL_TRUSTED_CERTIFICATE": "system," + server.caFile!])
            #expect(await outcome(trusted, "{vault://hashicorp-vault/password/pass1}") == "my-password")
        }
    }

    @Test func certificateWithoutTheHostNameIsAHostMismatch() async throws {
        try await withMockVault(MockVaultConfiguration(tls: true)) { server, _ in
            let r = resolver([vault(server, host: "host.docker.internal")], environment: ["SSL_CERT_FILE": server.caFile!])
            let result = await outcome(r, "{vault://hashicorp-vault/password/pass1}")
            #expect(result == Self.prefix + "certificate host mismatch))")
        }
    }

    @Test func plainHTTPToTheTLSListenerShowsVaultsAnswer() async throws {
        try await withMockVault(MockVaultConfiguration(tls: true)) { server, _ in
            let r = resolver([vault(server, scheme: "http")], environment: ["SSL_CERT_FILE": server.caFile!])
            #expect(await outcome(r, "{vault://hashicorp-vault/password/pass1}")
                == Self.prefix + "Client sent an HTTP request to an HTTPS server.\n))")
        }
    }
}

struct TLSChainProbeSelfSignedTests {
    /// A self-signed leaf for 127.0.0.1, as `openssl req -x509` would make.
    private func selfSignedLeaf() throws -> (String, String) {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let name = try DistinguishedName { CommonName("self-signed") }
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: key.publicKey,
            notValidBefore: Date().addingTimeInterval(-60), notValidAfter: Date().addingTimeInterval(3600),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                SubjectAlternativeNames([.ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))])
            }, issuerPrivateKey: key)
        return (try certificate.serializeAsPEM().pemString, try key.serializeAsPEM().pemString)
    }

    @Test func selfSignedTokenEndpointIsReportedAs18() async throws {
        let idp = try await IdentityProvider.start(IdentityProvider.Configuration(publicHost: "127.0.0.1"), tls: try selfSignedLeaf())
        let config: [String: GatewayJSON] = [
            "host": "127.0.0.1", "port": .int(1), "auth_method": "oauth2", "oauth2_role_name": "demo",
            "oauth2_token_endpoint": .string(idp.tokenEndpoint), "oauth2_client_id": "c", "oauth2_client_secret": "s",
        ]
        let log = LogLines()
        let result = await outcome(resolver([hcvVault(config)], log: log.append), "{vault://hashicorp-vault/a/b}")
        await idp.stop()
        #expect(result.hasSuffix("no authentication mechanism worked for vault))"))
        #expect(log.all == ["[hcv] failure requesting oauth2 access token from \(idp.tokenEndpoint): 18: self-signed certificate"])
    }
}
