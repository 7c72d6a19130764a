import Foundation
import Gateway
import MockVault
import Synchronization
import Testing

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let time = Mutex<Double>(1_800_000_000)
    var now: Double { time.withLock { $0 } }
    func advance(_ seconds: Double) { time.withLock { $0 += seconds } }
}

struct SecretResolverTests {
    private func tokenVault(_ server: MockVaultServer, token: String? = nil, extra: [String: GatewayJSON] = [:]) -> GatewayJSON {
        var config = connection(server.address).merging(extra) { $1 }
        config["token"] = .string(token ?? server.rootToken)
        config["kv"] = config["kv"] ?? "v2"
        return hcvVault(config)
    }

    @Test func readsKV2AndKV1WithOverridesVersionsAndWholeSecrets() async throws {
        try await withMockVault { server, admin in
            try await admin.putKV2("password", #"{"pass1":"old"}"#)
            try await admin.putKV2("password", #"{"pass1":"my-password","port":5432}"#)
            try await admin.call("POST", "sys/mounts/kv1", #"{"type":"kv","options":{"version":"1"}}"#)
            try await admin.call("PUT", "kv1/password", #"{"pass1":"v1-password"}"#)
            let r = resolver([tokenVault(server)])
            #expect(await outcome(r, "{vault://hashicorp-vault/password/pass1}") == "my-password")
            #expect(await outcome(r, "{vault://hashicorp-vault/password/pass1#1}") == "old")
            #expect(await outcome(r, "{vault://hashicorp-vault/password/pass1?kv=v1&mount=kv1}") == "v1-password")
            #expect(await outcome(r, "{vault://hashicorp-vault/password/}") == #"{"pass1":"my-password","port":5432}"#)
            #expect(await outcome(r, "{vault://hashicorp-vault/password/port}")
                == "Error: could not get value from external vault (could not get subfield value: "
                + "unexpected number value in JSON secret for subfield port)")
        }
    }

    @Test func base64DecodeAppliesToTheValue() async throws {
        try await withMockVault { server, admin in
            try await admin.putKV2("b64", #"{"v":"aGVsbG8="}"#)
            let r = resolver([tokenVault(server, extra: ["base64_decode": .bool(true)])])
            #expect(await outcome(r, "{vault://hashicorp-vault/b64/v}") == "hello")
        }
    }

    @Test func vaultErrorsUseKongsWording() async throws {
        try await withMockVault { server, admin in
            try await admin.putKV2("password", #"{"pass1":"my-password"}"#)
            let limited = try await admin.call("POST", "auth/token/create", #"{"policies":["default"]}"#)
            let limitedToken = try #require(limited["auth"]?["client_token"]?.stringValue)
            let prefix = "Error: could not get value from external vault (no value found (unable to retrieve secret from vault: "
            #expect(await outcome(resolver([tokenVault(server)]), "{vault://hashicorp-vault/nope/pass1}") == prefix + "not found))")
            #expect(await outcome(resolver([tokenVault(server, token: limitedToken)]), "{vault://hashicorp-vault/password/pass1}")
                == prefix + #"{"errors":["1 error occurred:\n\t* permission denied\n\n"]}"# + "\n))")
            #expect(await outcome(resolver([tokenVault(server, token: "bogus")]), "{vault://hashicorp-vault/password/pass1}")
                == prefix + #"{"errors":["permission denied"]}"# + "\n))")
            var noToken = connection(server.address)
            noToken["kv"] = "v2"
            #expect(await outcome(resolver([hcvVault(noToken)]), "{vault://hashicorp-vault/password/pass1}")
                == prefix + "no authentication mechanism worked for vault))")
            try await admin.call("PUT", "sys/seal")
            #expect(await outcome(resolver([tokenVault(server)]), "{vault://hashicorp-vault/password/pass1}")
                == prefix + #"{"errors":["Vault is sealed"]}"# + "\n))")
        }
    }

    @Test func connectionRefusedIsReportedQuickly() async throws {
        let port = try await withMockVault { server, _ in server.port }
        let vault = hcvVault(["host": "127.0.0.1", "port": .int(port), "token": "root"])
        let started = Date()
        #expect(await outcome(resolver([vault]), "{vault://hashicorp-vault/a/b}")
            == "Error: could not get value from external vault (no value found (unable to retrieve secret from vault: connection refused))")
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test func rotatedSecretIsSeenOnlyAfterTTL() async throws {
        try await withMockVault { server, admin in
            try await admin.putKV2("rotating", #"{"value":"one"}"#)
            let clock = TestClock()
            let r = resolver([tokenVault(server, extra: ["ttl": .int(300)])], now: { clock.now })
            #expect(await outcome(r, "{vault://hashicorp-vault/rotating/value}") == "one")
            try await admin.putKV2("rotating", #"{"value":"two"}"#)
            clock.advance(299)
            #expect(await outcome(r, "{vault://hashicorp-vault/rotating/value}") == "one")
            clock.advance(1)
            #expect(await outcome(r, "{vault://hashicorp-vault/rotating/value}") == "two")
        }
    }

    @Test func withoutTTLAValueIsNeverRefreshed() async throws {
        try await withMockVault { server, admin in
            try await admin.putKV2("rotating", #"{"value":"one"}"#)
            let clock = TestClock()
            let r = resolver([tokenVault(server)], now: { clock.now })
            #expect(await outcome(r, "{vault://hashicorp-vault/rotating/value}") == "one")
            try await admin.putKV2("rotating", #"{"value":"two"}"#)
            clock.advance(1e7)
            #expect(await outcome(r, "{vault://hashicorp-vault/rotating/value}") == "one")
        }
    }

    @Test func refreshHappensAtTheRotationTickAfterTTL() async throws {
        try await withMockVault { server, admin in
            try await admin.putKV2("rotating", #"{"value":"one"}"#)
            let clock = TestClock()
            let r = resolver([tokenVault(server, extra: ["ttl": .int(90)])], rotationInterval: 60, now: { clock.now })
            #expect(await outcome(r, "{vault://hashicorp-vault/rotating/value}") == "one")
            try await admin.putKV2("rotating", #"{"value":"two"}"#)
            clock.advance(100)
            #expect(await outcome(r, "{vault://hashicorp-vault/rotating/value}") == "one")
            clock.advance(20)
            #expect(await outcome(r, "{vault://hashicorp-vault/rotating/value}") == "two")
        }
    }

    @Test func missesAreCachedForNegTTLButAtLeast120Seconds() async throws {
        try await withMockVault { server, admin in
            let clock = TestClock()
            let short = resolver([tokenVault(server, extra: ["neg_ttl": .int(10)])], now: { clock.now })
            let long = resolver([tokenVault(server, extra: ["neg_ttl": .int(300)])], now: { clock.now })
            let missing = "Error: could not get value from external vault (no value found (unable to retrieve secret from vault: not found))"
            #expect(await outcome(short, "{vault://hashicorp-vault/late/v}") == missing)
            #expect(await outcome(long, "{vault://hashicorp-vault/late/v}") == missing)
            try await admin.putKV2("late", #"{"v":"here"}"#)
            clock.advance(119)
            #expect(await outcome(short, "{vault://hashicorp-vault/late/v}") == missing)
            clock.advance(1)
            #expect(await outcome(short, "{vault://hashicorp-vault/late/v}") == "here")
            #expect(await outcome(long, "{vault://hashicorp-vault/late/v}") == missing)
            clock.advance(180)
            #expect(await outcome(long, "{vault://hashicorp-vault/late/v}") == "here")
        }
    }

    @Test func staleValueIsResurrectedWhileVaultFailsWithinResurrectTTL() async throws {
        try await withMockVault { server, admin in
            try await admin.putKV2("db", #"{"password":"kept"}"#)
            let clock = TestClock()
            let r = resolver([tokenVault(server, extra: ["ttl": .int(60), "resurrect_ttl": .int(600)])], now: { clock.now })
            #expect(await outcome(r, "{vault://hashicorp-vault/db/password}") == "kept")
            try await admin.call("DELETE", "secret/metadata/db")
            clock.advance(61)
            #expect(await outcome(r, "{vault://hashicorp-vault/db/password}") == "kept")
            clock.advance(600)
            #expect(await outcome(r, "{vault://hashicorp-vault/db/password}")
                == "Error: could not get value from external vault (no value found (unable to retrieve secret from vault: not found))")
        }
    }
}
