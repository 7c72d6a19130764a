import Crypto
import _CryptoExtras
import Foundation
import JWTKit
import Testing
@testable import MockVault
import GoValues

/// JWT auth logins: tokens built with jwt-kit, keys served from a JWKS endpoint or configured as PEM.
@Suite("JWT auth login", .serialized)
struct JWTLoginTests {
    struct AccessClaims: JWTPayload {
        var iss: IssuerClaim
        var sub: SubjectClaim
        var aud: AudienceClaim
        var iat: IssuedAtClaim
        var exp: ExpirationClaim
        var gty = "client-credentials"

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static func claims(sub: String = TutorialSetup.clientID + "@clients", aud: [String] = [TutorialSetup.audience],
                       expiresIn: TimeInterval = 3600, now: Date = Date()) -> AccessClaims {
        let whole = Date(timeIntervalSince1970: floor(now.timeIntervalSince1970))
        return AccessClaims(iss: .init(value: TutorialSetup.issuer), sub: .init(value: sub), aud: .init(value: aud),
                            iat: .init(value: whole), exp: .init(value: whole.addingTimeInterval(expiresIn)))
    }

    /// Signs with jwt-kit using `key` under `kid`.
    static func sign(_ claims: AccessClaims, key: _RSA.Signing.PrivateKey = TestJWT.key, kid: String = TestJWT.kid) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(rsa: try Insecure.RSA.PrivateKey(backing: key), digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid))
        return try await keys.sign(claims, kid: JWKIdentifier(string: kid))
    }

    private func withJWKS(_ body: (TutorialSetup) async throws -> Void) async throws {
        let idp = try await JWKSServer.start()
        do {
            try await withMockVault { _, http in
                let setup = TutorialSetup(http: http)
                try await setup.apply(jwksURL: idp.httpBase + "/.well-known/jwks.json")
                try await body(setup)
            }
        } catch {
            await idp.stop()
            throw error
        }
        await idp.stop()
    }

    private func error(_ answer: HTTPAnswer) -> String? { answer.json?["errors"]?.arrayValue?.first?.stringValue }

    @Test("a valid token logs in with a batch token carrying the role's policies")
    func success() async throws {
        try await withJWKS { setup in
            let answer = try await setup.login(try await Self.sign(Self.claims()))
            #expect(answer.status == 200)
            let auth = try #require(answer.json?["auth"])
            #expect(auth["token_type"] == .string("batch"))
            #expect(auth["policies"] == .strings(["default"]))
            #expect(auth["metadata"]?["role"] == .string("demo"))
            #expect(auth["lease_duration"] == .int(2_764_800))
        }
    }

    @Test("failures give the captured errors")
    func failures() async throws {
        try await withJWKS { setup in
            let prefix = "error validating token: "
            let badSignature = try await setup.login(try await Self.sign(Self.claims(), key: TestJWT.rogueKey))
            #expect(badSignature.status == 400)
            #expect(error(badSignature) == prefix + "error verifying token signature: failed to verify id token signature")
            let unknownKid = try await setup.login(try await Self.sign(Self.claims(), kid: "other-kid"))
            #expect(error(unknownKid) == prefix + "error verifying token signature: failed to verify id token signature")
            let audience = try await setup.login(try await Self.sign(Self.claims(aud: ["https://other/api/v2/"])))
            #expect(error(audience) == prefix + "invalid audience (aud) claim: audience claim does not match any expected audience")
            let subject = try await setup.login(try await Self.sign(Self.claims(sub: "intruder@clients")))
            #expect(error(subject) == prefix + "invalid subject (sub) claim")
            let expired = try await setup.login(try await Self.sign(Self.claims(expiresIn: -3600, now: Date())))
            #expect(error(expired) == prefix + "invalid expiration time (exp) claim: token is expired")
            let role = try await setup.login(try await Self.sign(Self.claims()), role: "nosuchrole")
            #expect(role.text == "{\"errors\":[\"role \\\"nosuchrole\\\" could not be found\"]}\n")
            let garbage = try await setup.login("not.a.jwt")
            #expect(error(garbage) == prefix + "error verifying token signature: oidc: malformed jwt: illegal base64 data at input byte 0")
        }
    }

    @Test("audience lists and the 60 s leeway behave as OpenBao's")
    func leeway() async throws {
        try await withJWKS { setup in
            let list = try await setup.login(try await Self.sign(Self.claims(aud: ["https://x/", TutorialSetup.audience])))
            #expect(list.status == 200)
            let recentlyExpired = try await setup.login(try await Self.sign(Self.claims(expiresIn: -30)))
            #expect(recentlyExpired.status == 200, "exp 30 s ago is within the leeway")
            let expired = try await setup.login(try await Self.sign(Self.claims(expiresIn: -90)))
            #expect(expired.status == 400, "exp 90 s ago is beyond the leeway")
            let future = try await setup.login(try await Self.sign(Self.claims(now: Date().addingTimeInterval(3600))))
            #expect(error(future) == "error validating token: invalid not before (nbf) claim: token not yet valid")
        }
    }

    @Test("jwt_validation_pubkeys: ES256 accepted, other keys rejected with their own text")
    func staticKeys() async throws {
        let ecKey = P256.Signing.PrivateKey()
        try await withMockVault { _, http in
            let setup = TutorialSetup(http: http)
            try await setup.apply(pubkeyPEM: ecKey.publicKey.pemRepresentation)
            let keys = JWTKeyCollection()
            await keys.add(ecdsa: try ES256PrivateKey(backing: ecKey))
            let good = try await setup.login(try await keys.sign(Self.claims()))
            #expect(good.status == 200)
            let other = JWTKeyCollection()
            await other.add(ecdsa: try ES256PrivateKey(backing: P256.Signing.PrivateKey()))
            let bad = try await setup.login(try await other.sign(Self.claims()))
            #expect(error(bad) == "error validating token: error verifying token signature: no known key successfully validated the token signature")
        }
    }

    @Test("an unreachable or untrusted jwks_url is refused at config write")
    func jwksFetchedAtWrite() async throws {
        let idp = try await JWKSServer.start()
        do {
            try await withMockVault { _, http in
                _ = try await http.send("POST", "/v1/sys/auth/jwt", token: "root", body: #"{"type":"jwt"}"#)
                let untrusted = try await http.send("PUT", "/v1/auth/jwt/config", token: "root",
                                                    json: .object([("jwks_url", .string(idp.httpsBase + "/.well-known/jwks.json"))]))
                #expect(untrusted.text == "{\"errors\":[\"error checking jwks URL\"]}\n")
                let trusted = try await http.send("PUT", "/v1/auth/jwt/config", token: "root", json: .object([
                    ("jwks_url", .string(idp.httpsBase + "/.well-known/jwks.json")), ("jwks_ca_pem", .string(idp.caPEM)),
                ]))
                #expect(trusted.status == 204)
            }
        } catch {
            await idp.stop()
            throw error
        }
        await idp.stop()
    }
}
