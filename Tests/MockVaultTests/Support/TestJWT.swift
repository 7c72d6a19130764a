import Crypto
import _CryptoExtras
import Foundation
@testable import MockVault
import GoValues

/// RSA keys and a minimal RS256 signer for building login JWTs with exact claims.
enum TestJWT {
    static let kid = "test-kid-1"
    static let key = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
    static let rogueKey = try! _RSA.Signing.PrivateKey(keySize: .bits2048)

    /// Compact JWS of `header` and `claims`, RS256-signed with `key`.
    static func sign(header: JSONValue, claims: JSONValue, with key: _RSA.Signing.PrivateKey = TestJWT.key) -> String {
        let input = base64URL(Data(header.goJSON().utf8)) + "." + base64URL(Data(claims.goJSON().utf8))
        let signature = try! key.signature(for: Data(input.utf8), padding: .insecurePKCS1v1_5)
        return input + "." + base64URL(signature.rawRepresentation)
    }

    static func header(kid: String = TestJWT.kid) -> JSONValue {
        .object([("alg", .string("RS256")), ("typ", .string("JWT")), ("kid", .string(kid))])
    }

    /// The JWKS document publishing `key` under `kid`.
    static var jwks: String {
        let primitives = try! key.publicKey.getKeyPrimitives()
        return JSONValue.object([("keys", .array([.object([
            ("kty", .string("RSA")), ("alg", .string("RS256")), ("use", .string("sig")), ("kid", .string(kid)),
            ("n", .string(base64URL(primitives.modulus))), ("e", .string(base64URL(primitives.publicExponent))),
        ])]))]).goJSON()
    }

    /// The public key as PEM, for `jwt_validation_pubkeys`.
    static var publicKeyPEM: String { key.publicKey.pemRepresentation }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
