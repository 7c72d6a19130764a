import Foundation
import Gateway
import MockVault
import Testing

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
