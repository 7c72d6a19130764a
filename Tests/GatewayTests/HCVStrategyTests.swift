import Foundation
import Gateway
import MockIdP
import MockVault
import Synchronization
import Testing
import TestPKI

/// Collects Kong's `[hcv]` error-log lines.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }
}

struct HCVStrategyTests {
    private static let secret = "{vault://hashicorp-vault/password/pass1}"

    private func prepare(_ admin: VaultAdmin) async throws {
        try await admin.putKV2("password", #"{"pass1":"my-password"}"#)
        try await admin.createReaderPolicy()
    }

    private func temporaryFile(_ contents: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gateway-\(UUID().uuidString)").path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: [false, true])
    func approleLogsInWithOptionalResponseWrapping(_ wrapped: Bool) async throws {
        try await withMockVault { server, admin in
            try await prepare(admin)
            try await admin.call("POST", "sys/auth/approle", #"{"type":"approle"}"#)
            try await admin.call("PUT", "auth/approle/role/kong", #"{"token_policies":"reader"}"#)
            let roleID = try #require(try await admin.call("GET", "auth/approle/role/kong/role-id")["data"]?["role_id"]?.stringValue)
            let response = try await admin.call("POST", "auth/approle/role/kong/secret-id", nil,
                                                headers: wrapped ? ["X-Vault-Wrap-TTL": "300"] : [:])
            let secretID = try #require(wrapped ? response["wrap_info"]?["token"]?.stringValue : response["data"]?["secret_id"]?.stringValue)
            var config = connection(server.address)
            config.merge(["kv": "v2", "auth_method": "approle", "approle_role_id": .string(roleID),
                          "approle_response_wrapping": .bool(wrapped)]) { $1 }
            config[wrapped ? "approle_secret_id_file" : "approle_secret_id"] = .string(wrapped ? try temporaryFile(secretID + "\n") : secretID)
            let r = resolver([hcvVault(config)])
            #expect(await outcome(r, Self.secret) == "my-password")
            // The login is cached: another reference needs no second login (nor a second unwrap).
            #expect(await outcome(r, "{vault://hashicorp-vault/password/}") == #"{"pass1":"my-password"}"#)
            if wrapped {
                // The wrapping token is single-use: a second resolver (fresh cache) cannot unwrap it again.
                let log = LogLines()
                #expect(await outcome(resolver([hcvVault(config)], log: log.append), Self.secret).hasSuffix(
                    "unable to retrieve secret from vault: no authentication mechanism worked for vault))"))
                #expect(log.all == [#"[hcv] invalid response code 400 received when unwrapping approle secret_id for vault token: {"errors":["wrapping token is not valid or does not exist"]}"# + "\n"])
            }
        }
    }

    @Test func wrongApproleSecretFailsAuthentication() async throws {
        try await withMockVault { server, admin in
            try await prepare(admin)
            try await admin.call("POST", "sys/auth/approle", #"{"type":"approle"}"#)
            try await admin.call("PUT", "auth/approle/role/kong", #"{"token_policies":"reader"}"#)
            var config = connection(server.address)
            config.merge(["kv": "v2", "auth_method": "approle", "approle_role_id": "nope", "approle_secret_id": "nope"]) { $1 }
            let log = LogLines()
            #expect(await outcome(resolver([hcvVault(config)], log: log.append), Self.secret)
                == "Error: could not get value from external vault (no value found (unable to retrieve secret from vault: "
                + "no authentication mechanism worked for vault))")
            #expect(log.all.first?.hasPrefix(#"[hcv] invalid response code 400 received when calling approle login for vault token: {"errors":["invalid role or secret ID"]}"#) == true)
        }
    }

    @Test func kubernetesReadsTheServiceAccountTokenFile() async throws {
        let ca = try TestCA.generate()
        let certificate = try ca.issueServerCertificate(hosts: ["127.0.0.1"])
        let cluster = try await KubernetesAPI.start(serviceAccounts: [("kong", "kong")],
                                                    tls: (try certificate.certificatePEM, try certificate.privateKeyPEM))
        defer { Task { await cluster.stop() } }
        let jwt = try #require(try await cluster.token(namespace: "kong", name: "kong"))
        try await withMockVault { server, admin in
            try await prepare(admin)
            try await admin.call("POST", "sys/auth/k8s", #"{"type":"kubernetes"}"#)
            let clusterConfig = GatewayJSON.object(["kubernetes_host": .string(cluster.url), "kubernetes_ca_cert": .string(try ca.certificatePEM)])
            try await admin.call("PUT", "auth/k8s/config", clusterConfig.jsonText())
            try await admin.call("PUT", "auth/k8s/role/kong",
                                 #"{"bound_service_account_names":"kong","bound_service_account_namespaces":"kong","token_policies":"reader"}"#)
            var config = connection(server.address)
            config.merge(["kv": "v2", "auth_method": "kubernetes", "kube_role": "kong", "kube_auth_path": "/k8s/",
                          "kube_api_token_file": .string(try temporaryFile(jwt))]) { $1 }
            #expect(await outcome(resolver([hcvVault(config)]), Self.secret) == "my-password")
            config["kube_role"] = "other"
            let log = LogLines()
            #expect(await outcome(resolver([hcvVault(config)], log: log.append), Self.secret).contains("no authentication mechanism worked"))
            #expect(log.all.first?.contains(#"received when exchanging kube service account jwt for vault token: {"errors":["invalid role name \"other\""]}"#) == true)
        }
    }

    @Test func certAuthUsesMutualTLSAndTheRunsTrustBundle() async throws {
        try await withMockVault(MockVaultConfiguration(tls: true)) { server, admin in
            let caFile = try #require(server.caFile)
            let clientCA = try TestCA.generate(commonName: "kong client CA")
            let client = try clientCA.issueClientCertificate(commonName: "kong-client")
            let env = ["SSL_CERT_FILE": caFile]
            var config = connection(server.address)
            config.merge(["kv": "v2", "auth_method": "cert", "cert_auth_role_name": "kong",
                          "cert_auth_cert": .string(try client.certificatePEM), "cert_auth_cert_key": .string(try client.privateKeyPEM)]) { $1 }
            try await prepare(admin)
            try await admin.call("POST", "sys/auth/cert", #"{"type":"cert"}"#)
            let role = GatewayJSON.object(["certificate": .string(try clientCA.certificatePEM), "token_policies": "reader"])
            try await admin.call("PUT", "auth/cert/certs/kong", role.jsonText())
            #expect(await outcome(resolver([hcvVault(config)], environment: env), Self.secret) == "my-password")
        }
    }
}

struct HCVStrategyOAuth2Tests {
    @Test func oauth2ExchangesClientCredentialsThenLogsInAtJWT() async throws {
        let ca = try TestCA.generate()
        let serverCertificate = try ca.issueServerCertificate()
        let audience = "https://vault.example/api/v2/"
        let idp = try await IdentityProvider.start(
            IdentityProvider.Configuration(clients: [.init(id: "kong-client", secret: "s3cret", audiences: [audience])],
                                           audiences: [audience]),
            tls: (try serverCertificate.certificatePEM, try serverCertificate.privateKeyPEM))
        do {
            let caFile = FileManager.default.temporaryDirectory.appendingPathComponent("gateway-ca-\(UUID().uuidString).pem").path
            try (try ca.certificatePEM).write(toFile: caFile, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: caFile) }
            try await withMockVault { server, admin in
                try await admin.putKV2("password", #"{"pass1":"my-password"}"#)
                try await admin.createReaderPolicy()
                try await admin.call("POST", "sys/auth/jwt", #"{"type":"jwt"}"#)
                let jwtConfig = GatewayJSON.object(["jwks_url": .string(idp.jwksURL), "jwks_ca_pem": .string(try ca.certificatePEM)])
                try await admin.call("PUT", "auth/jwt/config", jwtConfig.jsonText())
                try await admin.call("PUT", "auth/jwt/role/demo", GatewayJSON.object([
                    "role_type": "jwt", "user_claim": "sub", "bound_subject": "kong-client@clients",
                    "bound_audiences": .string(audience), "token_policies": "reader", "token_type": "batch",
                ]).jsonText())
                var config = connection(server.address)
                config.merge(["kv": "v2", "auth_method": "oauth2", "oauth2_role_name": "demo",
                              "oauth2_token_endpoint": .string(idp.tokenEndpoint), "oauth2_client_id": "kong-client",
                              "oauth2_client_secret": "s3cret", "oauth2_audiences": .string(audience)]) { $1 }
                let env = ["SSL_CERT_FILE": caFile]
                #expect(await outcome(resolver([hcvVault(config)], environment: env), "{vault://hashicorp-vault/password/pass1}")
                    == "my-password")
                config["oauth2_client_secret"] = "wrong"
                let log = LogLines()
                #expect(await outcome(resolver([hcvVault(config)], environment: env, log: log.append),
                                      "{vault://hashicorp-vault/password/pass1}").contains("no authentication mechanism worked for vault"))
                #expect(log.all.first?.hasPrefix("[hcv] invalid response code 401 received when requesting oauth2 access token") == true)
            }
            await idp.stop()
        } catch {
            await idp.stop()
            throw error
        }
    }
}
