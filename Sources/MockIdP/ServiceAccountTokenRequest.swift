/// `TokenRequest` (`POST .../serviceaccounts/NAME/token`): the audiences and lifetime asked for, and the token.
struct ServiceAccountTokenRequest: Codable, Sendable {
    struct Spec: Codable, Sendable {
        var audiences: [String]?
        var expirationSeconds: Int?
    }

    struct Status: Codable, Sendable {
        var token: String
        var expirationTimestamp: String
    }

    var kind: String? = "TokenRequest"
    var apiVersion: String? = "authentication.k8s.io/v1"
    var spec: Spec?
    var status: Status?
}
