import ArgumentParser
import MockIdP
import MockVault

/// `howto mock vault|idp`: run a fixture alone, in the foreground.
struct MockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock", abstract: "Run a fixture alone: the mock Vault or the OAuth2 identity provider.",
        subcommands: [Vault.self, IdP.self])

    struct Vault: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vault", abstract: "The mock Vault dev server (like `vault server -dev`).",
            discussion: MockVaultFidelity.summary)

        @Option(name: .long, help: "host:port to listen on.")
        var listen: String = "127.0.0.1:8200"

        @Flag(name: .long, help: "Serve TLS with a generated CA (like -dev-tls).")
        var tls = false

        @Option(name: .long, help: "The root token (default: generated).")
        var rootToken: String?

        @Option(name: .long, help: "Serve this certificate (PEM) instead of a generated one, e.g. a self-signed one.")
        var tlsCert: String?

        @Option(name: .long, help: "The key (PEM) of --tls-cert.")
        var tlsKey: String?

        func validate() throws {
            guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
        }

        func run() async throws {
            var options = VaultDevServer.Options()
            options.listenAddress = listen
            options.tls = tls || tlsCert != nil
            options.rootTokenID = rootToken
            options.tlsCertificateFile = tlsCert
            options.tlsKeyFile = tlsKey
            let code = await VaultDevServer.run(options: options)
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
