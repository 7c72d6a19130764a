/// The body of a successful token response.
struct TokenResponse: Codable, Sendable, Equatable {
    var access_token: String
    var token_type = "Bearer"
    var expires_in: Int
    var scope: String?
}
