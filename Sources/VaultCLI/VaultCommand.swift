// VaultCLI: the `vault` command of the multi-call `howto` binary, a client of the Vault
// HTTP API that prints the same text, JSON and exit codes as the real `vault`/`bao` CLI
// for the commands tutorials use.
//
// Hand-written command-line handling: the real CLI parses flags with Go's `flag`
// package (`-flag=value`, `-flag value`, single dash, flags only before positional
// arguments, `-f` style booleans). swift-argument-parser wants `--flag` long options and
// accepts options anywhere, so it cannot reproduce that grammar or its error texts;
// `GoFlags` does. Output formatting (columnize tables, Go `%v` values, `MarshalIndent`
// JSON, kr/text wrapping) is also reproduced by hand because it must match byte for byte.

import Diagnostics
public import Foundation

/// The `vault` command: runs one invocation against `$VAULT_ADDR`.
public enum VaultCommand {
    /// Runs `vault <arguments>` (without the program name), prints to stdout/stderr and returns the exit code.
    public static func run(arguments: [String], environment: [String: String],
                           stdin: FileHandle = .standardInput) async -> Int32 {
        let result = await execute(arguments: arguments, environment: environment,
                                   stdin: { (try? stdin.readToEnd()) ?? Data() },
                                   isTerminal: isatty(STDOUT_FILENO) != 0)
        StandardStream.output.write(result.stdout)
        StandardStream.error.write(result.stderr)
        return result.exitCode
    }

    /// Runs `vault <arguments>` and returns what it printed; `transport` replaces HTTP (tests).
    public static func execute(arguments: [String], environment: [String: String],
                               stdin: @escaping @Sendable () -> Data = { Data() },
                               transport: (any VaultTransport)? = nil,
                               isTerminal: Bool = false) async -> VaultCommandResult {
        let console = Console(isTerminal: isTerminal)
        let context = CommandContext(console: console, environment: VaultEnvironment(variables: environment),
                                     readStdin: stdin, transport: transport)
        context.scanGlobalFormat(arguments)
        let code = await dispatch(arguments, context)
        await context.shutdown()
        return VaultCommandResult(stdout: console.stdout, stderr: console.stderr, exitCode: code)
    }

    /// One subcommand's entry point: its arguments after the name, the shared context; the exit code.
    private typealias Handler = @Sendable ([String], CommandContext) async -> Int32

    /// The subcommands this module implements, in the order `vault` lists them.
    private static let handlers: [(name: String, run: Handler)] = [
        ("status", StatusCommand.run), ("read", LogicalCommands.read), ("write", LogicalCommands.write),
        ("delete", LogicalCommands.delete), ("list", LogicalCommands.list), ("unwrap", LogicalCommands.unwrap),
        ("login", LoginCommand.run), ("secrets", { await MountCommands.run(.secrets, $0, $1) }),
        ("auth", { await MountCommands.run(.auth, $0, $1) }), ("kv", KVCommand.run), ("policy", PolicyCommand.run),
        ("token", TokenCommand.run), ("operator", OperatorCommand.run), ("print", PrintCommand.run),
    ]

    /// The subcommand names this module implements (and `version`).
    public static var commands: [String] { handlers.map(\.name) + ["version"] }

    private static func dispatch(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        let rest = Array(arguments.dropFirst())
        if let handler = handlers.first(where: { $0.name == arguments.first }) { return await handler.run(rest, context) }
        switch arguments.first {
        case "version", "-version", "--version", "-v":
            context.console.info("Vault v1.17.6 (howto), emulated by the howto binary")
            return 0
        case "server":
            context.console.error("Error: `vault server` is not handled by VaultCommand; the howto binary starts its mock Vault for it.")
            return 1
        default:
            context.console.error("Usage: vault <command> [args]\n\nCommands: \(commands.joined(separator: ", "))")
            return 127
        }
    }
}
