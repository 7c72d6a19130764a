/// A Kubernetes `Status` object: the body of every API error (`{"kind":"Status","status":"Failure",...}`).
struct KubernetesStatus: Codable, Sendable, Error {
    var kind = "Status"
    var apiVersion = "v1"
    var metadata: [String: String] = [:]
    var status = "Failure"
    var message: String
    var reason: String
    var code: Int

    static let unauthorized = KubernetesStatus(message: "Unauthorized", reason: "Unauthorized", code: 401)

    static func notFound(serviceAccount name: String) -> KubernetesStatus {
        KubernetesStatus(message: "serviceaccounts \"\(name)\" not found", reason: "NotFound", code: 404)
    }

    static func alreadyExists(serviceAccount name: String) -> KubernetesStatus {
        KubernetesStatus(message: "serviceaccounts \"\(name)\" already exists", reason: "AlreadyExists", code: 409)
    }

    static func badRequest(_ message: String) -> KubernetesStatus {
        KubernetesStatus(message: message, reason: "BadRequest", code: 400)
    }
}
