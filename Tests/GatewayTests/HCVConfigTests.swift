import Gateway
import Testing

struct HCVConfigTests {
    @Test func defaultsFillUnsetFields() {
        let config = HCVConfig(base: ["token": "t"], version: .defaultEmulated)
        #expect(config.values["protocol"] == "http")
        #expect(config.values["host"] == "127.0.0.1")
        #expect(config.values["port"] == .int(8200))
        #expect(config.values["mount"] == "secret")
        #expect(config.values["kv"] == "v1")
        #expect(config.values["auth_method"] == "token")
        #expect(config.values["kube_auth_path"] == "kubernetes")
        #expect(config.values["approle_auth_path"] == "approle")
        #expect(config.values["ttl"] == nil)
    }

    @Test func queryOverridesWinAndAreTypeInferred() {
        let config = HCVConfig(base: ["token": "t", "kv": "v2", "mount": "secret", "ttl": .int(10)],
                               overrides: ["kv": "v1", "mount": "kv1", "ttl": "60", "base64_decode": "true"],
                               version: .defaultEmulated)
        #expect(config.values["kv"] == "v1")
        #expect(config.values["mount"] == "kv1")
        #expect(config.number("ttl") == 60)
        #expect(config.flag("base64_decode"))
    }

    @Test func invalidOverrideDropsTheFieldSoTheDefaultApplies() {
        let config = HCVConfig(base: ["kv": "v2", "port": .int(9000)], overrides: ["kv": "v3", "port": "abc"],
                               version: .defaultEmulated)
        #expect(config.values["kv"] == "v1")
        #expect(config.values["port"] == .int(8200))
    }

    @Test func fieldsUnknownToTheVersionAreIgnored() {
        let config = HCVConfig(base: ["auth_method": "oauth2", "oauth2_role_name": "demo"], version: GatewayVersion(3, 12))
        #expect(config.values["auth_method"] == "token")
        #expect(config.values["oauth2_role_name"] == nil)
    }

    @Test func bundledVaultReadsKongVaultHcvVariables() {
        let base = HCVConfig.environmentBase(["KONG_VAULT_HCV_PORT": "8300", "KONG_VAULT_HCV_KV": "v2", "KONG_VAULT_HCV_TOKEN": "x",
                                              "VAULT_HCV_HOST": "ignored"])
        let config = HCVConfig(base: base, version: .defaultEmulated)
        #expect(config.values["port"] == .int(8300))
        #expect(config.values["kv"] == "v2")
        #expect(config.string("token") == "x")
        #expect(config.values["host"] == "127.0.0.1")
    }
}
