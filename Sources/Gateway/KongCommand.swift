import Foundation

/// The `kong` multi-call name: `kong vault get <reference>` resolved by the emulated gateway.
public enum KongCommand {
    private static let hint = "\n\n  Run with --v (verbose) or --vv (debug) for more details\n"

    /// Runs `kong` with `arguments` (without the program name); returns the exit status.
    public static func run(arguments: [String], environment: [String: String], io: CommandIO = .standard) async -> Int32 {
        var positional: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            switch argument {
            case "--v", "--vv", "-v", "--vvv": continue
            case "-c", "--conf", "-p", "--prefix": index += 1
            default: positional.append(argument)
            }
        }
        switch positional.first {
        case "version"?:
            io.writeStdout("Kong Enterprise \(version(environment)).0.0\n")
            return 0
        case "vault"?:
            break
        default:
            io.writeStderr("Error: the emulated kong supports only `kong vault get <reference>` and `kong version`\n")
            return 1
        }
        guard positional.count >= 2, positional[1] == "get" else {
            io.writeStderr("Error: the emulated kong supports only `kong vault get <reference>`" + hint)
            return 1
        }
        guard positional.count >= 3 else {
            io.writeStderr("Error: the 'get' command needs a <reference> argument \nkong vault get <reference>" + hint)
            return 1
        }
        var reference = positional[2]
        if !VaultReference.isReference(reference) { reference = "{vault://\(reference)}" }
        let state: GatewayState
        do {
            state = try GatewayStateStore(environment: environment).load()
        } catch {
            io.writeStderr("Error: could not read the emulated gateway's state: \(error)" + hint)
            return 1
        }
        let resolver = SecretResolver(state: state, environment: environment, version: version(environment),
                                      log: { io.writeStderr("[error] \($0)\n") })
        do {
            let value = try await resolver.get(reference)
            io.writeStdout(value + "\n")
            return 0
        } catch {
            io.writeStderr("Error: \(error)" + hint)
            return 1
        }
    }

    private static func version(_ environment: [String: String]) -> GatewayVersion {
        environment["HOWTO_GATEWAY_VERSION"].flatMap(GatewayVersion.init) ?? .defaultEmulated
    }
}
