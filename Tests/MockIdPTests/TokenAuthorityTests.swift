import Foundation
import NIOHTTP1
import Testing
@testable import MockIdP

@Suite struct TokenAuthorityTests {
    private func credentials(_ audience: String, extra: [(String, String)] = []) -> [(String, String)] {
        [("grant_type", "client_credentials"), ("client_id", Harness.clientID), ("client_secret", Harness.secret),
         ("audience", audience)] + extra
    }

    @Test func clientSecretPostWithAFormBody() async throws {
        try await Harness.with { harness in
            let reply = try await harness.postToken(Harness.form(credentials(harness.managementAudience)))
            #expect(reply.status == 200)
            #expect(reply.headers["Content-Type"].first?.hasPrefix("application/json") == true)
            #expect(reply.headers["Cache-Control"].first == "no-store")
            #expect(reply.json["token_type"] as? String == "Bearer")
            #expect(reply.json["expires_in"] as? Int == 86_400)
            #expect(reply.json["scope"] as? String == "read:secrets write:secrets")
            let token = try #require(reply.json["access_token"] as? String)
            #expect(try decodePart(token, 0)["kid"] as? String == (try await harness.idp.keyIDs).last)
            #expect(try decodePart(token, 1)["aud"] as? String == harness.managementAudience)
        }
    }

    @Test func clientSecretBasic() async throws {
        try await Harness.with { harness in
            let reply = try await harness.postToken(Harness.form([("grant_type", "client_credentials"), ("audience", "vault")]),
                                                    authorization: Harness.basic(Harness.clientID, Harness.secret))
            #expect(reply.status == 200)
            let token = try #require(reply.json["access_token"] as? String)
            #expect(try decodePart(token, 1)["azp"] as? String == Harness.clientID)
            #expect(try decodePart(token, 1)["aud"] as? String == "vault")
            let wrong = try await harness.postToken(Harness.form([("grant_type", "client_credentials"), ("audience", "vault")]),
                                                    authorization: Harness.basic(Harness.clientID, "nope"))
            #expect(wrong.status == 401)
            #expect(wrong.json["error"] as? String == "access_denied")
        }
    }

    @Test func clientSecretBasicWithPercentEncodedCredentials() async throws {
        let client = IdentityProvider.Client(id: "app:1", secret: "p@ss:w0rd%", audiences: ["vault"])
        try await Harness.with(clients: [client]) { harness in
            let reply = try await harness.postToken("grant_type=client_credentials&audience=vault",
                                                    authorization: Harness.basic("app%3A1", "p%40ss%3Aw0rd%25"))
            #expect(reply.status == 200)
            #expect(try decodePart(try #require(reply.json["access_token"] as? String), 1)["sub"] as? String == "app:1@clients")
        }
    }

    @Test func jsonBody() async throws {
        try await Harness.with { harness in
            let body = """
                {"grant_type":"client_credentials","client_id":"\(Harness.clientID)","client_secret":"\(Harness.secret)","audience":"vault"}
                """
            let reply = try await harness.postToken(body, contentType: "application/json")
            #expect(reply.status == 200)
            #expect(try decodePart(try #require(reply.json["access_token"] as? String), 1)["aud"] as? String == "vault")
            let broken = try await harness.postToken("{\"grant_type\": [1]}", contentType: "application/json")
            #expect(broken.status == 400)
            #expect(broken.json["error"] as? String == "invalid_request")
        }
    }

    @Test(arguments: [
        ("wrong secret", [("client_secret", "wrong")]),
        ("unknown client", [("client_id", "nobody")]),
        ("no secret", [("client_secret", "")]),
    ])
    func badCredentialsAreUnauthorized(_ name: String, _ changes: [(String, String)]) async throws {
        try await Harness.with { harness in
            var pairs = credentials("vault").filter { pair in !changes.contains { $0.0 == pair.0 } }
            pairs += changes.filter { !$0.1.isEmpty }
            let reply = try await harness.postToken(Harness.form(pairs))
            #expect(reply.status == 401, "\(name)")
            #expect(reply.body == #"{"error":"access_denied","error_description":"Unauthorized"}"#, "\(name)")
        }
    }

    @Test func unsupportedGrantType() async throws {
        try await Harness.with { harness in
            let reply = try await harness.postToken(Harness.form([("grant_type", "password"), ("client_id", Harness.clientID)]))
            #expect(reply.status == 400)
            #expect(reply.json["error"] as? String == "unsupported_grant_type")
            #expect(reply.json["error_description"] as? String == "Unsupported grant type: password")
            let missing = try await harness.postToken(Harness.form([("client_id", Harness.clientID)]))
            #expect(missing.status == 400)
            #expect(missing.json["error_description"] as? String == "Missing required parameter: grant_type")
        }
    }

    @Test func audienceUnknownToTheDomain() async throws {
        try await Harness.with { harness in
            let reply = try await harness.postToken(Harness.form(credentials("https://api.example.com/")))
            #expect(reply.status == 403)
            #expect(reply.json["error"] as? String == "access_denied")
            #expect(reply.json["error_description"] as? String == "Service not enabled within domain: https://api.example.com/")
            let missing = try await harness.postToken(Harness.form(Array(credentials("").dropLast())))
            #expect(missing.status == 400)
            #expect(missing.json["error_description"] as? String == "Missing required parameter: audience")
        }
    }

    @Test func audienceNotGrantedToTheClient() async throws {
        try await Harness.with(audiences: ["vault", "billing"]) { harness in
            let reply = try await harness.postToken(Harness.form(credentials("billing")))
            #expect(reply.status == 403)
            #expect(reply.json["error"] as? String == "access_denied")
            #expect((reply.json["error_description"] as? String)?.hasPrefix("Client \"\(Harness.clientID)\" is not authorized to access resource server \"billing\".") == true)
        }
    }

    @Test func requestedScopesAreGrantedOrRefused() async throws {
        try await Harness.with { harness in
            let subset = try await harness.postToken(Harness.form(credentials("vault", extra: [("scope", "read:secrets")])))
            #expect(subset.json["scope"] as? String == "read:secrets")
            #expect(try decodePart(try #require(subset.json["access_token"] as? String), 1)["scope"] as? String == "read:secrets")
            let refused = try await harness.postToken(Harness.form(credentials("vault", extra: [("scope", "read:secrets admin")])))
            #expect(refused.status == 403)
            #expect(refused.json["error_description"] as? String == "Client has not been granted scopes: admin")
        }
    }

    @Test func clientWithoutScopesGetsNoScopeClaim() async throws {
        try await Harness.with(clients: [.init(id: "plain", secret: "s", audiences: ["vault"])]) { harness in
            let reply = try await harness.postToken(Harness.form([("grant_type", "client_credentials"), ("client_id", "plain"),
                                                                  ("client_secret", "s"), ("audience", "vault")]))
            #expect(reply.status == 200)
            #expect(reply.json["scope"] == nil)
            #expect(try decodePart(try #require(reply.json["access_token"] as? String), 1)["scope"] == nil)
        }
    }

    @Test func twoAuthenticationMethodsAreRefused() async throws {
        try await Harness.with { harness in
            let reply = try await harness.postToken(Harness.form(credentials("vault")),
                                                    authorization: Harness.basic(Harness.clientID, Harness.secret))
            #expect(reply.status == 400)
            #expect(reply.json["error"] as? String == "invalid_request")
        }
    }

    @Test func unsupportedContentTypeIsRefused() async throws {
        try await Harness.with { harness in
            let reply = try await harness.postToken("grant_type=client_credentials", contentType: "text/plain")
            #expect(reply.status == 400)
            #expect(reply.json["error"] as? String == "invalid_request")
        }
    }

    @Test func tokenLifetimeIsConfigurable() async throws {
        try await Harness.with(tokenLifetime: .seconds(90)) { harness in
            let reply = try await harness.postToken(Harness.form(credentials("vault")))
            #expect(reply.json["expires_in"] as? Int == 90)
            let payload = try decodePart(try #require(reply.json["access_token"] as? String), 1)
            let iat = try #require(payload["iat"] as? Int), exp = try #require(payload["exp"] as? Int)
            #expect(exp - iat == 90)
            #expect(abs(Double(iat) - Date().timeIntervalSince1970) < 10)
        }
    }
}
