/// Why the mock could not start.
public enum MockVaultError: Error, CustomStringConvertible {
    case bindFailed(host: String, port: Int)
    case tlsMaterial(String)
    case usage(String)

    public var description: String {
        switch self {
        case let .bindFailed(host, port):
            return "could not listen on \(host):\(port) (address in use or not available); choose another -dev-listen-address"
        case let .tlsMaterial(reason): return "could not create the dev TLS certificates: \(reason)"
        case let .usage(message): return message
        }
    }
}
