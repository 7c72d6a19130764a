import Foundation
import Hummingbird

/// A client-credentials token request: body parameters (form or JSON) and client authentication.
struct TokenRequest: Sendable, Equatable {
    /// How the client authenticated.
    enum ClientAuthentication: Sendable, Equatable {
        case secretPost, secretBasic, none
    }

    var grantType: String?
    var clientID: String?
    var clientSecret: String?
    var audience: String?
    var scope: String?
    var clientAuthentication: ClientAuthentication

    private struct Parameters: Codable {
        var grant_type: String?
        var client_id: String?
        var client_secret: String?
        var audience: String?
        var scope: String?
    }

    /// Parses the body according to `contentType` (form-urlencoded when absent) and the `Authorization` header.
    static func parse(contentType: String?, authorization: String?, body: String) throws(OAuthError) -> TokenRequest {
        let parameters = try decodeParameters(contentType: contentType, body: body)
        var request = TokenRequest(grantType: parameters.grant_type, clientID: parameters.client_id,
                                   clientSecret: parameters.client_secret, audience: parameters.audience,
                                   scope: parameters.scope, clientAuthentication: parameters.client_secret == nil ? .none : .secretPost)
        guard let authorization else { return request }
        let (id, secret) = try basicCredentials(authorization)
        if parameters.client_secret != nil || (parameters.client_id.map { $0 != id } ?? false) {
            throw .invalidRequest("Multiple client authentication methods were used; use either client_secret_basic or client_secret_post")
        }
        request.clientID = id
        request.clientSecret = secret
        request.clientAuthentication = .secretBasic
        return request
    }

    private static func decodeParameters(contentType: String?, body: String) throws(OAuthError) -> Parameters {
        let mediaType = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        do {
            switch mediaType {
            case "application/json":
                return try JSONDecoder().decode(Parameters.self, from: Data(body.utf8))
            case "application/x-www-form-urlencoded", nil:
                return try URLEncodedFormDecoder().decode(Parameters.self, from: body)
            case let other?:
                throw OAuthError.invalidRequest("Unsupported content type: \(other); use application/x-www-form-urlencoded or application/json")
            }
        } catch let error as OAuthError {
            throw error
        } catch {
            throw .invalidRequest("The request body could not be parsed as \(mediaType ?? "form data")")
        }
    }

    /// `Basic base64(urlencode(id):urlencode(secret))` (RFC 6749 §2.3.1).
    private static func basicCredentials(_ header: String) throws(OAuthError) -> (String, String) {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let decoded = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
              let text = String(data: decoded, encoding: .utf8),
              let colon = text.firstIndex(of: ":")
        else { throw .unauthorized }
        let id = String(text[..<colon]), secret = String(text[text.index(after: colon)...])
        return (id.removingPercentEncoding ?? id, secret.removingPercentEncoding ?? secret)
    }
}
