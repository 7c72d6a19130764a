/// The discovery document served at `/.well-known/openid-configuration`.
struct OpenIDConfiguration: Codable, Sendable, Equatable {
    var issuer: String
    var token_endpoint: String
    var jwks_uri: String
    var grant_types_supported = ["client_credentials"]
    var token_endpoint_auth_methods_supported = ["client_secret_basic", "client_secret_post"]
    var response_types_supported = ["token"]
    var id_token_signing_alg_values_supported = ["RS256"]
    var token_endpoint_auth_signing_alg_values_supported = ["RS256"]

    init(issuer: String) {
        self.issuer = issuer
        token_endpoint = issuer + "oauth/token"
        jwks_uri = issuer + ".well-known/jwks.json"
    }
}
