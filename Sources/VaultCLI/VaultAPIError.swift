/// A failed Vault API call, worded as the Go client's errors.
enum VaultAPIError: Error, CustomStringConvertible {
    /// The server answered with a status below 200 or from 400 up.
    case response(method: String, url: String, status: Int, errors: [String], raw: Bool)
    /// No HTTP answer (`Get "URL": dial tcp ...`).
    case transport(method: String, url: String, message: String)
    /// The answer was not the JSON expected.
    case decoding(String)

    var description: String {
        switch self {
        case let .response(method, url, status, errors, raw):
            var text = "Error making API request.\n\nURL: \(method) \(url)\nCode: \(status). \(raw ? "Raw Message" : "Errors"):\n\n"
            if raw, errors.count == 1 {
                text += errors[0]
            } else {
                text += errors.map { "* \($0)" }.joined()
            }
            return text
        case let .transport(method, url, message):
            let op = method.prefix(1).uppercased() + method.dropFirst().lowercased()
            return "\(op) \"\(url)\": \(message)"
        case .decoding(let message):
            return message
        }
    }
}
