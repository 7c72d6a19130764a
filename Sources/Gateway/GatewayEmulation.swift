/// Kong Gateway emulation for how-to runs: the `deck` and `kong` multi-call commands, the vault entity schema,
/// and a `{vault://...}` resolver for Kong's HashiCorp Vault backend.
///
/// Hand-written: Kong's HCV backend is Enterprise code and decK is a Go program, so neither can be linked.
/// The behaviour and every user-visible string follow Kong 3.13's `hcv` vault strategy and decK's output
/// (ARCHITECTURE.md, "Sources/Gateway"): `DeckCommand` stores entities in a JSON state file (`GatewayStateStore`),
/// `KongCommand` resolves references through `SecretResolver`, which authenticates and reads KV secrets over
/// HTTP(S) like Kong's `hcv` strategy (`HCVStrategy`).
public enum GatewayEmulation {
    /// The multi-call names this module answers to.
    public static let commandNames = ["deck", "kong"]

    /// Runs the multi-call command `name` (`deck` or `kong`); nil when the name is not one of ours.
    public static func run(name: String, arguments: [String], environment: [String: String],
                           io: CommandIO = .standard) async -> Int32? {
        switch name {
        case "deck": await DeckCommand.run(arguments: arguments, environment: environment, io: io)
        case "kong": await KongCommand.run(arguments: arguments, environment: environment, io: io)
        default: nil
        }
    }
}
