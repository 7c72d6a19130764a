import Foundation
import Testing
@testable import MockVault
import GoValues

/// Policy enforcement through real HTTP: the tutorial's `default` policy edit and Vault's glob rules.
@Suite("ACL policy enforcement")
struct ACLTests {
    static let denied = "{\"errors\":[\"1 error occurred:\\n\\t* permission denied\\n\\n\"]}\n"

    private func withTutorial(_ body: (VaultHTTP, String) async throws -> Void) async throws {
        try await withMockVault { _, http in
            let setup = TutorialSetup(http: http)
            try await setup.apply()
            let login = try await setup.login(TestJWT.sign(header: TestJWT.header(), claims: TutorialSetup.claims()))
            let token = try #require(login.json?["auth"]?["client_token"]?.stringValue)
            #expect(token.hasPrefix("b."))
            try await body(http, token)
        }
    }

    @Test("without the policy edit a JWT-login token cannot read the secret")
    func defaultPolicyDeniesSecret() async throws {
        try await withTutorial { http, token in
            let read = try await http.send("GET", "/v1/secret/data/password", token: token)
            #expect(read.status == 403)
            #expect(read.text == Self.denied)
        }
    }

    @Test("default + secret/* read lets the token read secret/data/password and nothing else")
    func tutorialPolicyGrantsReadOnly() async throws {
        try await withTutorial { http, token in
            let current = try await http.send("GET", "/v1/sys/policies/acl/default", token: "root")
            let text = try #require(current.json?["data"]?["policy"]?.stringValue)
            let edited = text + "\npath \"secret/*\" {\n  capabilities = [\"read\"]\n}\n"
            let write = try await http.send("PUT", "/v1/sys/policies/acl/default", token: "root",
                                            json: .object([("policy", .string(edited))]))
            #expect(write.status == 204)

            let read = try await http.send("GET", "/v1/secret/data/password", token: token)
            #expect(read.status == 200)
            #expect(read.json?["data"]?["data"]?["pass1"] == .string("my-password"))

            let put = try await http.send("PUT", "/v1/secret/data/password", token: token, body: #"{"data":{"pass1":"x"}}"#)
            #expect(put.status == 403)
            #expect(put.text == Self.denied)

            _ = try await http.send("POST", "/v1/sys/mounts/kv1", token: "root", body: #"{"type":"kv"}"#)
            _ = try await http.send("PUT", "/v1/kv1/password", token: "root", body: #"{"pass1":"v1"}"#)
            let other = try await http.send("GET", "/v1/kv1/password", token: token)
            #expect(other.status == 403)
            #expect(other.text == Self.denied)

            let list = try await http.send("GET", "/v1/secret/metadata?list=true", token: token)
            #expect(list.status == 403, "read does not grant list")

            let mounts = try await http.send("GET", "/v1/sys/mounts", token: token)
            #expect(mounts.status == 403)

            let preflight = try await http.send("GET", "/v1/sys/internal/ui/mounts/secret", token: token)
            #expect(preflight.status == 200)
            #expect(preflight.json?["data"]?["options"]?["version"] == .string("2"))
        }
    }

    @Test("most specific rule wins; deny wins; + matches one segment")
    func globPrecedence() async throws {
        try await withMockVault { _, http in
            let policy = """
            path "secret/data/*" { capabilities = ["read", "create", "update"] }
            path "secret/data/locked/*" { capabilities = ["deny"] }
            path "secret/data/team/+/public" { capabilities = ["read"] }
            path "secret/data/exact" { capabilities = ["read"] }
            """
            #expect(try await http.send("PUT", "/v1/sys/policies/acl/app", token: "root", json: .object([("policy", .string(policy))]))
                .status == 204)
            let created = try await http.send("POST", "/v1/auth/token/create", token: "root",
                                              json: .object([("policies", .strings(["app"])), ("ttl", .string("1h"))]))
            let token = try #require(created.json?["auth"]?["client_token"]?.stringValue)
            #expect(created.json?["auth"]?["policies"] == .strings(["app", "default"]))
            for path in ["locked/a", "team/x/public", "team/x/private", "exact", "open"] {
                _ = try await http.send("PUT", "/v1/secret/data/\(path)", token: "root", body: #"{"data":{"k":"v"}}"#)
            }
            #expect(try await http.send("GET", "/v1/secret/data/open", token: token).status == 200)
            #expect(try await http.send("GET", "/v1/secret/data/locked/a", token: token).status == 403)
            #expect(try await http.send("GET", "/v1/secret/data/team/x/public", token: token).status == 200)
            // team/x/private falls back to secret/data/* (read allowed); a write to exact is only read there.
            #expect(try await http.send("GET", "/v1/secret/data/team/x/private", token: token).status == 200)
            #expect(try await http.send("PUT", "/v1/secret/data/exact", token: token, body: #"{"data":{"k":"w"}}"#).status == 403)
            #expect(try await http.send("PUT", "/v1/secret/data/open", token: token, body: #"{"data":{"k":"w"}}"#).status == 200)
            #expect(try await http.send("DELETE", "/v1/secret/data/open", token: token).status == 403)
        }
    }

    @Test("policy parse errors carry Vault's texts")
    func parseErrors() async throws {
        try await withMockVault { _, http in
            let bad = try await http.send("PUT", "/v1/sys/policies/acl/broken", token: "root",
                                          json: .object([("policy", .string("path \"secret/*\" { capabilities = [\"read\""))]))
            #expect(bad.text == "{\"errors\":[\"failed to parse policy: At 1:41: error parsing list, expected comma or list end, got: EOF\"]}\n")
            let cap = try await http.send("PUT", "/v1/sys/policies/acl/badcap", token: "root",
                                          json: .object([("policy", .string("path \"secret/*\" { capabilities = [\"fly\"] }"))]))
            #expect(cap.status == 400)
            #expect(cap.json?["errors"] == .strings(["failed to parse policy: path \"secret/*\": path \"secret/*\": invalid capability \"fly\""]))
        }
    }
}
