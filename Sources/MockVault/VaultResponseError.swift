/// Why a request body was refused.
enum VaultResponseError: Error {
    case syntax(String)
    case typeMismatch(String)

    var response: VaultResponse {
        switch self {
        case let .syntax(message):
            return .error(400, "failed to decode JSON input: \(message)")
        case let .typeMismatch(kind):
            return .error(400, "failed to decode JSON input: json: cannot unmarshal \(kind) into Go value of type map[string]interface {}")
        }
    }
}
