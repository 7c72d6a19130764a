/// The JWKS document: public signing keys by `kid` (jwt-kit cannot export one, hence this type).
struct JSONWebKeySet: Codable, Sendable, Equatable {
    var keys: [JSONWebKey]
}

/// One public RSA signing key as a JWK (RFC 7517), as Auth0 publishes it.
struct JSONWebKey: Codable, Sendable, Equatable {
    var kty: String
    var use: String
    var alg: String
    var kid: String
    var n: String
    var e: String
}
