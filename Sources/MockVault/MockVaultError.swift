/// Why the mock could not start.
public enum MockVaultError: Error, CustomStringConvertible {
    /// The listen address could not be bound.
    case bindFailed(host: String, port: Int)
    /// The `-dev-tls` certificates could not be generated or written.
    case tlsMaterial(String)
    /// Bad `vault server` arguments.
    case usage(String)

    /// A message the user can act on.
    public var description: String {
        switch self {
        case let .bindFailed(host, port):
            return "could not listen on \(host):\(port) (address in use or not available); choose another -dev-listen-address"
        case let .tlsMaterial(reason): return "could not create the dev TLS certificates: \(reason)"
        case let .usage(message): return message
        }
    }
}
