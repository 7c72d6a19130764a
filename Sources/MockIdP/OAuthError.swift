import HTTPTypes

/// An OAuth2 error response with Auth0's codes and descriptions.
struct OAuthError: Error, Sendable, Equatable {
    let status: HTTPResponse.Status
    let body: Body

    /// `{"error": ..., "error_description": ...}`.
    struct Body: Codable, Sendable, Equatable {
        var error: String
        var error_description: String
    }

    init(_ status: HTTPResponse.Status, _ error: String, _ description: String) {
        self.status = status
        self.body = Body(error: error, error_description: description)
    }

    /// Unknown client, wrong or missing secret.
    static let unauthorized = OAuthError(.unauthorized, "access_denied", "Unauthorized")

    static func missingParameter(_ name: String) -> OAuthError {
        OAuthError(.badRequest, "invalid_request", "Missing required parameter: \(name)")
    }

    static func invalidRequest(_ description: String) -> OAuthError {
        OAuthError(.badRequest, "invalid_request", description)
    }

    static func unsupportedGrantType(_ grant: String) -> OAuthError {
        OAuthError(.badRequest, "unsupported_grant_type", "Unsupported grant type: \(grant)")
    }

    /// The audience is no API of this tenant.
    static func serviceNotEnabled(_ audience: String) -> OAuthError {
        OAuthError(.forbidden, "access_denied", "Service not enabled within domain: \(audience)")
    }

    /// The API exists but the client has no grant for it.
    static func clientNotAuthorized(_ client: String, _ audience: String) -> OAuthError {
        OAuthError(.forbidden, "access_denied",
                   "Client \"\(client)\" is not authorized to access resource server \"\(audience)\". "
                   + "You need to create a \"client-grant\" associated to this API. "
                   + "See: https://auth0.com/docs/api/v2#!/Client_Grants/post_client_grants")
    }

    static func scopesNotGranted(_ scopes: [String]) -> OAuthError {
        OAuthError(.forbidden, "access_denied", "Client has not been granted scopes: \(scopes.joined(separator: " "))")
    }

    static func serverError(_ description: String) -> OAuthError {
        OAuthError(.internalServerError, "server_error", description)
    }
}
