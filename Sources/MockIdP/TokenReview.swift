/// `authentication.k8s.io/v1` `TokenReview`: the request a token reviewer (Vault's Kubernetes auth) sends, and
/// the answer with the token's user and audiences.
struct TokenReview: Codable, Sendable {
    struct Spec: Codable, Sendable {
        var token: String?
        var audiences: [String]?
    }

    /// Optional fields: a reviewer may send an empty `status.user` (OpenBao sends `{"status":{"user":{}}}`).
    struct User: Codable, Sendable {
        var username: String?
        var uid: String?
        var groups: [String]?
    }

    struct Status: Codable, Sendable {
        var authenticated: Bool?
        var user: User?
        var audiences: [String]?
        var error: String?
    }

    var kind: String? = "TokenReview"
    var apiVersion: String? = "authentication.k8s.io/v1"
    var spec: Spec
    var status: Status?
}
