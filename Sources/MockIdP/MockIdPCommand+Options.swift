import Foundation

extension MockIdPCommand {
    /// The parsed command line of `howto mock idp`.
    struct Options {
        var host = "127.0.0.1"
        var port = 0
        var publicHost = "localhost"
        var clientID = Credentials.random(length: 32)
        var clientSecret = Credentials.random(length: 64)
        var audiences: [String] = []
        var scopes: [String] = []
        var tokenLifetime = Duration.seconds(86_400)
        var stateDirectory = NSTemporaryDirectory() + "howto-mock-idp-" + UUID().uuidString
        /// Whether the state directory is ours to delete on exit (no `--state-dir` given).
        var temporaryStateDirectory = true
        var printSecret = false
        var help = false

        init(arguments: [String]) throws(MockIdPError) {
            var rest = arguments[...]
            func value(_ option: String) throws(MockIdPError) -> String {
                guard let value = rest.popFirst() else { throw .usage("\(option) needs a value") }
                return value
            }
            while let argument = rest.popFirst() {
                switch argument {
                case "--listen": (host, port) = try Self.address(try value(argument))
                case "--host": publicHost = try value(argument)
                case "--client-id": clientID = try value(argument)
                case "--client-secret": clientSecret = try value(argument)
                case "--audience": audiences.append(try value(argument))
                case "--scope": scopes.append(try value(argument))
                case "--token-lifetime":
                    let text = try value(argument)
                    guard let seconds = Int(text), seconds > 0 else { throw .usage("--token-lifetime must be a positive number of seconds, not '\(text)'") }
                    tokenLifetime = .seconds(seconds)
                case "--state-dir": stateDirectory = try value(argument); temporaryStateDirectory = false
                case "--print-secret": printSecret = true
                case "--help", "-h": help = true
                default: throw .usage("unknown argument '\(argument)'")
                }
            }
            if clientID.isEmpty || clientSecret.isEmpty { throw .usage("the client id and secret must not be empty") }
            if audiences.isEmpty { audiences = ["https://{{ domain }}/api/v2/"] }
            for audience in audiences { try Template(text: audience).validate(known: ["domain"]) }
        }

        /// `HOST:PORT`, `[IPv6]:PORT` or `:PORT`.
        private static func address(_ text: String) throws(MockIdPError) -> (String, Int) {
            guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
                  (0...65_535).contains(port)
            else { throw .usage("--listen expects HOST:PORT, not '\(text)'") }
            var host = String(text[..<colon])
            if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            return (host.isEmpty ? "127.0.0.1" : host, port)
        }
    }
}
