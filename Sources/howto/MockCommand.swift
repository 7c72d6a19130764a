import ArgumentParser
import MockIdP
import MockVault

/// `howto mock vault|idp`: run a fixture alone, in the foreground.
struct MockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock", abstract: "Run a fixture alone: the mock Vault or the OAuth2 identity provider.",
        subcommands: [Vault.self, IdP.self])

    struct Vault: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "vault", abstract: "The mock Vault dev server (like `vault server -dev`).")

        @Option(name: .long, help: "host:port to listen on.")
        var listen: String = "127.0.0.1:8200"

        @Flag(name: .long, help: "Serve TLS with a generated CA (like -dev-tls).")
        var tls = false

        @Option(name: .long, help: "The root token (default: generated).")
        var rootToken: String?

        func run() async throws {
            var arguments = ["server", "-dev", "-dev-listen-address=\(listen)"]
            if tls { arguments.append("-dev-tls") }
            if let rootToken { arguments.append("-dev-root-token-id=\(rootToken)") }
            let code = await VaultDevServer.run(arguments: arguments)
            if code != 0 { throw ExitCode(code) }
        }
    }

    struct IdP: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "idp", abstract: "The OAuth2 identity provider (Auth0 profile) over TLS.")

        @Argument(parsing: .captureForPassthrough, help: "Options: --listen HOST:PORT --client-id X --client-secret Y --audience Z --state-dir DIR --print-secret")
        var arguments: [String] = []

        func run() async throws {
            let code = await MockIdPCommand.run(arguments: arguments)
            if code != 0 { throw ExitCode(code) }
        }
    }
}
