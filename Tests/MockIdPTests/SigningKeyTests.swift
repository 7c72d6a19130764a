import Foundation
import JWTKit
import Testing
@testable import MockIdP

/// Tokens checked by parties that share no code with the provider: jwt-kit fed only the served JWKS,
/// and Python's `cryptography` doing raw RS256 from the JWK's `n` and `e`.
@Suite struct SigningKeyTests {
    /// The claims as a relying party declares them (independent of the provider's own type).
    struct RelyingPartyClaims: JWTPayload {
        var iss: IssuerClaim
        var sub: SubjectClaim
        var aud: AudienceClaim
        var exp: ExpirationClaim
        var iat: IssuedAtClaim
        var azp: String
        var gty: String
        var scope: String?

        func verify(using algorithm: some JWTAlgorithm) async throws {
            try exp.verifyNotExpired()
        }
    }

    private func verifier(_ harness: Harness) async throws -> JWTKeyCollection {
        let jwks = try await harness.get(harness.idp.jwksURL)
        #expect(jwks.status == 200)
        return try await JWTKeyCollection().add(jwksJSON: jwks.body)
    }

    private func pythonVerify(_ token: String, _ harness: Harness) async throws -> Python.Result {
        let jwks = try await harness.get(harness.idp.jwksURL).body
        let input = "{\"token\": \"\(token)\", \"jwks\": \(jwks)}"
        return try await Python.run(Python.verifyRS256, input: input)
    }

    @Test func tokenVerifiesWithTheServedJWKSInJWTKit() async throws {
        try await Harness.with { harness in
            let token = try await harness.token()
            let claims = try await verifier(harness).verify(token, as: RelyingPartyClaims.self)
            #expect(claims.iss.value == "https://\(harness.idp.domain)/")
            #expect(claims.sub.value == "\(Harness.clientID)@clients")
            #expect(claims.aud.value == [harness.managementAudience])
            try claims.aud.verifyIntendedAudience(includes: harness.managementAudience)
            #expect(claims.azp == Harness.clientID)
            #expect(claims.gty == "client-credentials")
            #expect(claims.scope == "read:secrets write:secrets")
            #expect(claims.exp.value.timeIntervalSince(claims.iat.value) == 86_400)
        }
    }

    @Test func tokenVerifiesWithRawRS256InPython() async throws {
        try await Harness.with { harness in
            let token = try await harness.token()
            let result = try await pythonVerify(token, harness)
            #expect(result.status == 0, "\(result.output)")
            let decoded = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            let header = try #require(decoded["header"] as? [String: Any])
            let payload = try #require(decoded["payload"] as? [String: Any])
            #expect(header["alg"] as? String == "RS256")
            #expect(header["typ"] as? String == "JWT")
            #expect(header["kid"] as? String == (try await harness.idp.keyIDs).first)
            #expect(payload["iss"] as? String == "https://\(harness.idp.domain)/")
            #expect(payload["sub"] as? String == "\(Harness.clientID)@clients")
            #expect(payload["aud"] as? String == harness.managementAudience)
            #expect(payload["azp"] as? String == Harness.clientID)
            #expect(payload["gty"] as? String == "client-credentials")
            #expect(decoded["iat_int"] as? Bool == true)
            #expect(decoded["exp_int"] as? Bool == true)
            let iat = try #require(payload["iat"] as? Int), exp = try #require(payload["exp"] as? Int)
            #expect(exp - iat == 86_400)
            #expect(abs(Double(iat) - Date().timeIntervalSince1970) < 10)
        }
    }

    @Test func tamperedTokenFailsBothVerifiers() async throws {
        try await Harness.with { harness in
            let parts = try await harness.token().split(separator: ".").map(String.init)
            var payload = try decodePart(parts.joined(separator: "."), 1)
            payload["sub"] = "intruder@clients"
            let forged = try JSONSerialization.data(withJSONObject: payload).base64URLEncoded
            let token = [parts[0], forged, parts[2]].joined(separator: ".")
            let result = try await pythonVerify(token, harness)
            #expect(result.status != 0)
            #expect(result.output.contains("InvalidSignature"))
            let keys = try await verifier(harness)
            await #expect(throws: (any Error).self) { try await keys.verify(token, as: RelyingPartyClaims.self) }
        }
    }

    @Test func rotationKeepsOldKeysAndSignsWithTheNewOne() async throws {
        try await Harness.with { harness in
            let oldToken = try await harness.token()
            let oldKid = try #require(try await harness.idp.keyIDs.first)
            let newKid = try await harness.idp.rotateKey()
            #expect(newKid != oldKid)
            #expect(try await harness.idp.keyIDs == [oldKid, newKid])
            let newToken = try await harness.token()
            #expect(try decodePart(newToken, 0)["kid"] as? String == newKid)
            #expect(try decodePart(oldToken, 0)["kid"] as? String == oldKid)
            let jwks = try await harness.get(harness.idp.jwksURL)
            let kids = (jwks.json["keys"] as? [[String: Any]])?.compactMap { $0["kid"] as? String }
            #expect(kids == [oldKid, newKid])
            let keys = try await verifier(harness)
            _ = try await keys.verify(oldToken, as: RelyingPartyClaims.self)
            _ = try await keys.verify(newToken, as: RelyingPartyClaims.self)
            #expect(try await pythonVerify(oldToken, harness).status == 0)
            #expect(try await pythonVerify(newToken, harness).status == 0)
        }
    }
}
