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

    /// The subcommands this module implements.
    public static let commands = ["status", "read", "write", "delete", "list", "unwrap", "login", "secrets",
                                  "auth", "kv", "policy", "token", "operator", "print", "version"]

    private static func dispatch(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        let rest = Array(arguments.dropFirst())
        switch arguments.first {
        case "status": return await StatusCommand.run(rest, context)
        case "read": return await LogicalCommands.read(rest, context)
        case "write": return await LogicalCommands.write(rest, context)
        case "delete": return await LogicalCommands.delete(rest, context)
        case "list": return await LogicalCommands.list(rest, context)
        case "unwrap": return await LogicalCommands.unwrap(rest, context)
        case "login": return await LoginCommand.run(rest, context)
        case "secrets": return await MountCommands.run(.secrets, rest, context)
        case "auth": return await MountCommands.run(.auth, rest, context)
        case "kv": return await KVCommand.run(rest, context)
        case "policy": return await PolicyCommand.run(rest, context)
        case "token": return await TokenCommand.run(rest, context)
        case "operator": return await OperatorCommand.run(rest, context)
        case "print": return await PrintCommand.run(rest, context)
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
