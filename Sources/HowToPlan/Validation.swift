/// An assertion made by a `{% validation TYPE %}` block.
public enum Validation: Sendable, Hashable, Codable {
    /// `kong vault get SECRET` must print VALUE.
    case vaultSecret(secret: String, value: String)
    /// A command must exit with a code and, optionally, print an expected text.
    case customCommand(command: String, expectedExitCode: Int, expectedOutput: String?)
    /// An HTTP request must answer with a status, optionally with body checks.
    case requestCheck(RequestCheck)
    /// Named variables must be set (non-empty) in the session.
    case envVariables([String])
    /// A Kong check that needs what howto does not emulate (a gateway proxy, Kubernetes, gRPC): planned with
    /// its settings, reported as not runnable here when the how-to is tested.
    case notEmulated(type: String, needs: String, settings: [String: String])

    /// The Kong validation type name (`vault-secret`, `custom-command`, ...).
    public var typeName: String {
        switch self {
        case .vaultSecret: "vault-secret"
        case .customCommand: "custom-command"
        case .requestCheck: "request-check"
        case .envVariables: "env-variables"
        case let .notEmulated(type, _, _): type
        }
    }
}

/// The parameters of a `request-check` validation.
public struct RequestCheck: Sendable, Hashable, Codable {
    /// HTTP method, `GET` by default.
    public var method: String
    /// The URL; session variables (`$X`) are expanded when it runs.
    public var url: String
    /// Header lines, `Name: value`.
    public var headers: [String]
    /// Request body, if any.
    public var body: String?
    /// The expected status code.
    public var status: Int
    /// Text the response body must contain.
    public var bodyContains: String?
    /// JSON pointer-ish paths (`a.b.0.c`) and the values they must hold.
    public var jsonEquals: [String: String]
    /// Session variables to set from JSON paths of the response (`extract_body`).
    public var extract: [String: String]

    /// Creates a request check.
    public init(
        method: String = "GET", url: String, headers: [String] = [], body: String? = nil, status: Int = 200,
        bodyContains: String? = nil, jsonEquals: [String: String] = [:], extract: [String: String] = [:]
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.status = status
        self.bodyContains = bodyContains
        self.jsonEquals = jsonEquals
        self.extract = extract
    }
}
