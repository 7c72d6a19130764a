import Foundation
import JWTKit

/// The claims of a projected service-account token, as a Kubernetes API server signs them.
struct ServiceAccountClaims: JWTPayload {
    struct Reference: Codable, Sendable {
        var name: String
        var uid: String
    }

    struct KubernetesClaim: Codable, Sendable {
        var namespace: String
        var serviceaccount: Reference
    }

    var iss: IssuerClaim
    var sub: SubjectClaim
    /// Always a list, as a cluster writes it (jwt-kit's `AudienceClaim` writes one audience as a string,
    /// which Vault's Kubernetes auth refuses to decode).
    var aud: [String]
    var exp: ExpirationClaim
    var iat: IssuedAtClaim
    var nbf: NotBeforeClaim
    var jti: IDClaim
    var kubernetes: KubernetesClaim

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, iat, nbf, jti
        case kubernetes = "kubernetes.io"
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}
