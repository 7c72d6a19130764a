import Crypto
import _CryptoExtras
import JWTKit
import Foundation

/// An RSA signing key with its key id and its public JWK.
struct SigningKey: Sendable {
    let kid: String
    let privateKey: JWTKit.Insecure.RSA.PrivateKey
    let publicJWK: JSONWebKey

    /// Generates a 2048-bit RSA key with a random, Auth0-like key id.
    static func generate() throws -> SigningKey {
        let privateKey = try JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        let kid = Data((0..<16).map { _ in UInt8.random(in: 0...255) }).base64URLEncoded
        let (modulus, exponent) = try privateKey.publicKey.getKeyPrimitives()
        let jwk = JSONWebKey(kty: "RSA", use: "sig", alg: "RS256", kid: kid,
                             n: modulus.base64URLEncoded, e: exponent.base64URLEncoded)
        return SigningKey(kid: kid, privateKey: privateKey, publicJWK: jwk)
    }
}

extension Data {
    /// Base64url without padding (RFC 7515 §2).
    var base64URLEncoded: String {
        base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
