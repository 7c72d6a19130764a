import Foundation
import JWTKit
import GoValues

/// Verifies a login JWT's signature and claims with the JWT auth method's rules and error texts.
struct JWTVerifier {
    /// The algorithms Vault accepts by default.
    static let supportedAlgorithms = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA"]
    /// Clock skew allowed on `exp`, `nbf` and `iat` when a role sets none (OpenBao measured 60 s).
    static let defaultLeeway = 60

    /// A role's leeways in seconds: 0 = the default, negative = none.
    struct Leeways: Sendable {
        var clockSkew = 0
        var expiration = 0
        var notBefore = 0

        /// The clock skew the time claims are checked with.
        var effectiveClockSkew: TimeInterval { TimeInterval(clockSkew == 0 ? JWTVerifier.defaultLeeway : max(clockSkew, 0)) }
    }

    /// A rejected token; `message` is the text after "error validating token: " where Vault adds it.
    struct Rejection: Error {
        let message: String
    }

    /// Accepts any claims; the checks happen after signature verification.
    private struct AnyClaims: JWTPayload {
        init(from decoder: any Decoder) throws {}
        func encode(to encoder: any Encoder) throws {}
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// The decoded header and claims of `token`, before any verification.
    static func decode(_ token: String) throws(Rejection) -> (header: JSONValue, claims: JSONValue) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        let malformed = "error validating token: error verifying token signature: oidc: malformed jwt: "
        guard parts.count == 3 else {
            throw Rejection(message: malformed + "go-jose/go-jose: compact JWS format must have three parts")
        }
        guard let headerBytes = base64URL(parts[0]), let header = try? JSONValue.parse(bytes: headerBytes),
              case .object = header,
              let claimBytes = base64URL(parts[1]), let claims = try? JSONValue.parse(bytes: claimBytes), case .object = claims
        else {
            throw Rejection(message: malformed + "illegal base64 data at input byte 0")
        }
        let alg = header["alg"]?.stringValue ?? ""
        guard supportedAlgorithms.contains(alg) else {
            let expected = supportedAlgorithms.map { "\"\($0)\"" }.joined(separator: " ")
            throw Rejection(message: malformed + "unexpected signature algorithm \"\(alg)\"; expected [\(expected)]")
        }
        return (header, claims)
    }

    /// Checks the signature against a JWKS document (keys picked by `kid`).
    static func verify(_ token: String, jwksJSON: String) async -> Bool {
        let keys = JWTKeyCollection()
        guard let jwks = try? JSONDecoder().decode(JWKS.self, from: Data(jwksJSON.utf8)) else { return false }
        for key in jwks.keys { _ = try? await keys.add(jwk: key) }
        let kid = (try? decode(token))?.header["kid"]?.stringValue
        // go-oidc only tries the keys whose kid matches; never fall back to another key.
        if let kid, !jwks.keys.contains(where: { $0.keyIdentifier?.string == kid }) { return false }
        return (try? await keys.verify(token, as: AnyClaims.self, iteratingKeys: kid == nil)) != nil
    }

    /// Checks the signature against PEM public keys (`jwt_validation_pubkeys`).
    static func verify(_ token: String, pemKeys: [String], alg: String) async -> Bool {
        for pem in pemKeys {
            let keys = JWTKeyCollection()
            switch alg {
            case "RS256", "RS384", "RS512", "PS256", "PS384", "PS512":
                guard let key = try? Insecure.RSA.PublicKey(pem: pem) else { continue }
                let digest: DigestAlgorithm = alg.hasSuffix("384") ? .sha384 : (alg.hasSuffix("512") ? .sha512 : .sha256)
                if alg.hasPrefix("PS") { await keys.add(pss: key, digestAlgorithm: digest) } else {
                    await keys.add(rsa: key, digestAlgorithm: digest)
                }
            case "ES256":
                guard let key = try? ES256PublicKey(pem: pem) else { continue }
                await keys.add(ecdsa: key)
            case "ES384":
                guard let key = try? ES384PublicKey(pem: pem) else { continue }
                await keys.add(ecdsa: key)
            case "ES512":
                guard let key = try? ES512PublicKey(pem: pem) else { continue }
                await keys.add(ecdsa: key)
            default:
                continue
            }
            if (try? await keys.verify(token, as: AnyClaims.self, iteratingKeys: true)) != nil { return true }
        }
        return false
    }

    /// Checks issuer, subject, audience and time claims in Vault's order.
    static func checkClaims(_ claims: JSONValue, boundIssuer: String, boundSubject: String, boundAudiences: [String],
                            leeways: Leeways, now: Date, timeClaimsRequired: Bool = true) throws(Rejection) {
        let leeway = leeways.effectiveClockSkew
        func number(_ key: String) -> Double? {
            claims[key]?.doubleValue
        }
        if !boundIssuer.isEmpty, claims["iss"]?.stringValue != boundIssuer {
            throw Rejection(message: "error validating token: invalid issuer (iss) claim")
        }
        if !boundSubject.isEmpty, claims["sub"]?.stringValue != boundSubject {
            throw Rejection(message: "error validating token: invalid subject (sub) claim")
        }
        if !boundAudiences.isEmpty {
            let audiences: [String]
            switch claims["aud"] {
            case let .string(s)?: audiences = [s]
            case let .array(items)?: audiences = items.compactMap(\.stringValue)
            default: audiences = []
            }
            if Set(audiences).isDisjoint(with: boundAudiences) {
                throw Rejection(message: "error validating token: invalid audience (aud) claim: audience claim does not match any expected audience")
            }
        }
        // hashicorp/cap's defaults: a missing exp is the later of iat and nbf plus the expiration leeway; a
        // missing nbf is iat, or exp minus the not-before leeway; then go-jose checks them with the clock skew.
        let iat = number("iat") ?? 0, givenNotBefore = number("nbf") ?? 0, givenExpiry = number("exp") ?? 0
        if iat == 0, givenNotBefore == 0, givenExpiry == 0 {
            // Kubernetes auth validates with cap's ValidateAllowMissingIatNbfExp (legacy secret tokens have none).
            if !timeClaimsRequired { return }
            throw Rejection(message: "error validating token: no issued at (iat), not before (nbf), or expiration time (exp) claims in token")
        }
        func claimLeeway(_ seconds: Int) -> Double { seconds < 0 ? 0 : Double(seconds == 0 ? 150 : seconds) }
        let expiry = givenExpiry != 0 ? givenExpiry : max(iat, givenNotBefore) + claimLeeway(leeways.expiration)
        let notBefore = givenNotBefore != 0 ? givenNotBefore : (iat != 0 ? iat : expiry - claimLeeway(leeways.notBefore))
        let t = now.timeIntervalSince1970
        if t - leeway > expiry {
            throw Rejection(message: "error validating token: invalid expiration time (exp) claim: token is expired")
        }
        if t + leeway < notBefore || t + leeway < iat {
            throw Rejection(message: "error validating token: invalid not before (nbf) claim: token not yet valid")
        }
    }

    /// The text for a token signed with an algorithm the config's `jwt_supported_algs` leaves out.
    static func unsupportedAlgorithm() -> String {
        "invalid algorithm (alg) header parameter: token signed with unexpected algorithm"
    }

    static func base64URL(_ part: Substring) -> [UInt8]? {
        var text = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        return Data(base64Encoded: text).map(Array.init)
    }
}
