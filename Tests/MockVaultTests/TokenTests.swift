import Foundation
import Testing
@testable import MockVault
import GoValues

/// Token lifetimes against the injectable clock, and single-use response wrapping.
@Suite("Tokens and response wrapping")
struct TokenTests {
    static let permissionDenied = "{\"errors\":[\"permission denied\"]}\n"

    @Test("a service token works until its TTL and is refused after")
    func ttlExpiry() async throws {
        let clock = ManualClock(start: Date(timeIntervalSince1970: 1_800_000_000))
        try await withMockVault(MockVaultConfiguration(clock: clock, trustedCAFile: nil)) { _, http in
            let created = try await http.send("POST", "/v1/auth/token/create", token: "root",
                                              body: #"{"policies":["default"],"ttl":"1m","display_name":"kong"}"#)
            #expect(created.json?["auth"]?["lease_duration"] == .int(60))
            let token = try #require(created.json?["auth"]?["client_token"]?.stringValue)
            let lookup = try await http.send("GET", "/v1/auth/token/lookup-self", token: token)
            #expect(lookup.json?["data"]?["display_name"] == .string("token-kong"))
            #expect(lookup.json?["data"]?["ttl"] == .int(60))
            clock.advance(by: 59)
            #expect(try await http.send("GET", "/v1/auth/token/lookup-self", token: token).status == 200)
            clock.advance(by: 1)
            let expired = try await http.send("GET", "/v1/auth/token/lookup-self", token: token)
            #expect(expired.status == 403)
            #expect(expired.text == Self.permissionDenied)
        }
    }

    @Test("renew-self extends a service token; batch tokens cannot renew; revoke-self ends it")
    func renewAndRevoke() async throws {
        let clock = ManualClock()
        try await withMockVault(MockVaultConfiguration(clock: clock, trustedCAFile: nil)) { _, http in
            let token = try #require(try await http.send("POST", "/v1/auth/token/create", token: "root",
                                                          body: #"{"ttl":"1m","policies":["default"]}"#).json?["auth"]?["client_token"]?.stringValue)
            let renewed = try await http.send("POST", "/v1/auth/token/renew-self", token: token, body: #"{"increment":"2h"}"#)
            #expect(renewed.json?["auth"]?["lease_duration"] == .int(7200))
            clock.advance(by: 3600)
            #expect(try await http.send("GET", "/v1/auth/token/lookup-self", token: token).status == 200)
            let batch = try #require(try await http.send("POST", "/v1/auth/token/create", token: "root",
                                                          body: #"{"type":"batch","no_parent":true,"policies":["default"]}"#).json?["auth"]?["client_token"]?.stringValue)
            #expect(batch.hasPrefix("b."))
            #expect(try await http.send("POST", "/v1/auth/token/renew-self", token: batch).text
                == "{\"errors\":[\"batch tokens cannot be renewed\"]}\n")
            #expect(try await http.send("POST", "/v1/auth/token/create", token: batch, body: "{}").status == 403)
            #expect(try await http.send("POST", "/v1/auth/token/revoke-self", token: token).status == 204)
            #expect(try await http.send("GET", "/v1/auth/token/lookup-self", token: token).text == Self.permissionDenied)
        }
    }

    @Test("a wrapping token unwraps once, then never again; it also expires")
    func wrappingSingleUse() async throws {
        let clock = ManualClock()
        try await withMockVault(MockVaultConfiguration(clock: clock, trustedCAFile: nil)) { _, http in
            _ = try await http.send("POST", "/v1/sys/auth/approle", token: "root", body: #"{"type":"approle"}"#)
            _ = try await http.send("PUT", "/v1/auth/approle/role/kong", token: "root", body: #"{"token_policies":"default","token_ttl":"1h"}"#)
            let wrapped = try await http.send("POST", "/v1/auth/approle/role/kong/secret-id", token: "root",
                                              headers: ["X-Vault-Wrap-TTL": "2m0s"])
            #expect(wrapped.json?["data"] == .null)
            #expect(wrapped.json?["wrap_info"]?["ttl"] == .int(120))
            #expect(wrapped.json?["wrap_info"]?["creation_path"] == .string("auth/approle/role/kong/secret-id"))
            let wrapping = try #require(wrapped.json?["wrap_info"]?["token"]?.stringValue)
            let unwrapped = try await http.send("POST", "/v1/sys/wrapping/unwrap", token: wrapping, headers: ["X-Vault-Namespace": "root"])
            let secretID = try #require(unwrapped.json?["data"]?["secret_id"]?.stringValue)
            let again = try await http.send("POST", "/v1/sys/wrapping/unwrap", token: wrapping)
            #expect(again.text == "{\"errors\":[\"wrapping token is not valid or does not exist\"]}\n")

            let roleID = try #require(try await http.send("GET", "/v1/auth/approle/role/kong/role-id", token: "root")
                .json?["data"]?["role_id"]?.stringValue)
            let login = try await http.send("POST", "/v1/auth/approle/login",
                                            json: .object([("role_id", .string(roleID)), ("secret_id", .string(secretID))]))
            #expect(login.json?["auth"]?["metadata"]?["role_name"] == .string("kong"))
            #expect(login.json?["auth"]?["lease_duration"] == .int(3600))

            let second = try #require(try await http.send("POST", "/v1/auth/approle/role/kong/secret-id", token: "root",
                                                           headers: ["X-Vault-Wrap-TTL": "60"]).json?["wrap_info"]?["token"]?.stringValue)
            clock.advance(by: 61)
            #expect(try await http.send("PUT", "/v1/sys/wrapping/unwrap", token: "root",
                                        json: .object([("token", .string(second))])).status == 400)
            let badTTL = try await http.send("POST", "/v1/auth/approle/role/kong/secret-id", token: "root",
                                             headers: ["X-Vault-Wrap-TTL": "abc"])
            #expect(badTTL.text == "{\"errors\":[\"error parsing X-Vault-Wrap-TTL header: time: invalid duration \\\"abc\\\"\"]}\n")
        }
    }
}
