import Gateway
import Testing

struct VaultEntityTests {
    private func vault(_ config: [String: GatewayJSON], name: String = "hcv", prefix: String = "hashicorp-vault") -> GatewayJSON {
        .object(["name": .string(name), "prefix": .string(prefix), "config": .object(config)])
    }

    private func messages(_ entity: GatewayJSON, _ version: GatewayVersion = .defaultEmulated) -> [String] {
        VaultEntity.violations(of: entity, version: version).map { "\($0.0): \($0.1)" }
    }

    @Test func tutorialVaultIsValidIn313() {
        let entity = vault(["host": "localhost", "token": "root", "kv": "v2", "mount": "secret", "port": .int(8200),
                            "protocol": "http", "auth_method": "oauth2", "oauth2_role_name": "demo",
                            "oauth2_token_endpoint": "https://localhost:1/oauth/token", "oauth2_client_id": "c",
                            "oauth2_client_secret": "s", "oauth2_audiences": "https://localhost:1/api/v2/"])
        #expect(messages(entity).isEmpty)
    }

    @Test func oauth2IsRejectedBefore313() {
        let entity = vault(["auth_method": "oauth2", "oauth2_role_name": "demo", "oauth2_token_endpoint": "https://x/t",
                            "oauth2_client_id": "c", "oauth2_client_secret": "s"])
        #expect(messages(entity, GatewayVersion(3, 12)) == [
            "config.auth_method: expected one of: token, kubernetes, approle, cert",
            "config.oauth2_client_id: unknown field",
            "config.oauth2_client_secret: unknown field",
            "config.oauth2_role_name: unknown field",
            "config.oauth2_token_endpoint: unknown field",
        ])
    }

    @Test func approleFieldsAreUnknownIn33() {
        let entity = vault(["auth_method": "approle", "approle_role_id": "r", "approle_secret_id": "s"])
        #expect(messages(entity, GatewayVersion(3, 3)) == [
            "config.approle_role_id: unknown field",
            "config.approle_secret_id: unknown field",
            "config.auth_method: expected one of: token, kubernetes",
        ])
        #expect(messages(entity, GatewayVersion(3, 4)).isEmpty)
    }

    @Test(arguments: [
        ("token", [String: GatewayJSON](), ["config.token: required field missing"]),
        ("approle", ["approle_role_id": "r"],
         ["config: must set one of 'approle_secret_id', 'approle_secret_id_file' when 'auth_method' is 'approle'"]),
        ("approle", ["approle_secret_id_file": "/f"], ["config.approle_role_id: required field missing"]),
        ("kubernetes", [:], ["config.kube_role: required field missing"]),
        ("cert", ["cert_auth_cert": "PEM"], ["config.cert_auth_cert_key: required field missing"]),
        ("oauth2", ["oauth2_role_name": "demo", "oauth2_client_id": "c"],
         ["config.oauth2_client_secret: required field missing", "config.oauth2_token_endpoint: required field missing"]),
    ])
    func authMethodsRequireTheirFields(_ method: String, _ config: [String: GatewayJSON], _ expected: [String]) {
        var config = config
        config["auth_method"] = .string(method)
        #expect(messages(vault(config)) == expected)
    }

    @Test func typesEnumsAndRangesAreChecked() {
        let entity = vault(["token": "t", "port": "8200", "kv": "v3", "approle_response_wrapping": "yes",
                            "ttl": .int(-1), "protocol": "ftp"])
        #expect(messages(entity) == [
            "config.approle_response_wrapping: expected a boolean",
            "config.kv: expected one of: v1, v2",
            "config.port: expected an integer",
            "config.protocol: expected one of: http, https",
            "config.ttl: value should be between 0 and 100000000",
        ])
    }

    @Test func nameAndPrefixRules() {
        #expect(messages(.object(["config": .object([:])])) == ["name: required field missing", "prefix: required field missing"])
        #expect(messages(vault(["token": "t"], name: "vaultx")) == ["name: vault 'vaultx' is not installed"])
        #expect(messages(vault(["token": "t"], prefix: "Hashi_Vault")) == ["prefix: invalid value: Hashi_Vault"])
        #expect(messages(vault(["token": "t"], prefix: "a")) == ["prefix: invalid value: a"])
        #expect(messages(vault(["token": "t"], prefix: "hcv"))
            == ["prefix: must not be one of: env, aws, gcp, hcv, azure, konnect, conjur"])
        #expect(messages(vault(["token": "t"], prefix: "my-vault-2")).isEmpty)
    }

    @Test func messageFormatMatchesKongsAdminAPI() {
        #expect(VaultEntity.schemaViolationMessage([("a", "x")]) == "schema violation (a: x)")
        #expect(VaultEntity.schemaViolationMessage([("a", "x"), ("b", "y")]) == "2 schema violations (a: x; b: y)")
    }
}
