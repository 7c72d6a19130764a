import Foundation

/// How the runner tells that a background step is ready.
public enum ReadinessProbe: Sendable, Hashable, Codable, CustomStringConvertible {
    /// An HTTP(S) GET answers with a 2xx status, or with `status` when given.
    case http(url: String, status: Int?)
    /// A TCP connection to the port succeeds.
    case tcp(host: String, port: Int)
    /// The step's output matches a regular expression.
    case log(pattern: String)
    /// A shell command run in the session exits 0.
    case command(String)

    /// Reads `http(s)://...[#status]`, `tcp:HOST:PORT`, `log:REGEX` or `cmd:COMMAND`.
    public init(parsing text: String) throws(StepAttributeError) {
        if text.hasPrefix("http://") || text.hasPrefix("https://") {
            if let hash = text.lastIndex(of: "#"), let code = Int(text[text.index(after: hash)...]) {
                self = .http(url: String(text[..<hash]), status: code)
            } else {
                self = .http(url: text, status: nil)
            }
        } else if text.hasPrefix("tcp:") {
            let rest = text.dropFirst(4)
            guard let colon = rest.lastIndex(of: ":"), let port = Int(rest[rest.index(after: colon)...]),
                  (1...65535).contains(port), colon > rest.startIndex
            else { throw .invalid(key: "ready", value: text, expected: "tcp:HOST:PORT") }
            self = .tcp(host: String(rest[..<colon]), port: port)
        } else if text.hasPrefix("log:"), text.count > 4 {
            self = .log(pattern: String(text.dropFirst(4)))
        } else if text.hasPrefix("cmd:"), text.count > 4 {
            self = .command(String(text.dropFirst(4)))
        } else {
            throw .invalid(key: "ready", value: text, expected: "http(s)://URL, tcp:HOST:PORT, log:REGEX or cmd:COMMAND")
        }
    }

    /// The host and port an `http` or `tcp` probe connects to; nil for `log` and `cmd` probes.
    public var socketAddress: (host: String, port: Int)? {
        switch self {
        case let .tcp(host, port): return (host, port)
        case let .http(url, _):
            guard let components = URLComponents(string: url), let host = components.host else { return nil }
            return (host, components.port ?? (components.scheme == "https" ? 443 : 80))
        case .log, .command: return nil
        }
    }

    public var description: String {
        switch self {
        case let .http(url, status): status.map { "\(url)#\($0)" } ?? url
        case let .tcp(host, port): "tcp:\(host):\(port)"
        case let .log(pattern): "log:\(pattern)"
        case let .command(cmd): "cmd:\(cmd)"
        }
    }
}
