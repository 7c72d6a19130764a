/// Errors starting or configuring the identity provider.
public enum MockIdPError: Error, CustomStringConvertible {
    /// The certificate or key PEM could not be loaded.
    case invalidTLSMaterial(String)
    /// The server could not listen.
    case cannotListen(address: String, reason: String)
    /// A template names a variable that does not exist.
    case unknownVariable(String, template: String, known: [String])
    /// A command-line option is wrong.
    case usage(String)

    public var description: String {
        switch self {
        case .invalidTLSMaterial(let reason):
            "cannot load the TLS certificate or key for the mock IdP: \(reason)"
        case .cannotListen(let address, let reason):
            "the mock IdP cannot listen on \(address): \(reason)"
        case .unknownVariable(let name, let template, let known):
            "unknown variable '\(name)' in \"\(template)\"; known variables: \(known.joined(separator: ", "))"
        case .usage(let message):
            message
        }
    }
}
