import Diagnostics
import Foundation
import Gateway
import MockVault
import Runner
import VaultCLI

/// Dispatches on the name the binary was called by: `vault`, `deck`, `kong`, or `howto`.
enum MultiCall {
    /// Runs the tool `name` with `arguments` and returns its exit code.
    static func run(name: String, arguments: [String]) async -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        switch name {
        case "vault", "bao":
            if arguments.first == "server" { return await VaultDevServer.run(arguments: arguments) }
            return await VaultCommand.run(arguments: arguments, environment: environment)
        case "deck":
            return await DeckCommand.run(arguments: arguments, environment: environment)
        case "kong":
            return await KongCommand.run(arguments: arguments, environment: environment)
        default:
            // `howto test | head`: a closed output ends the run cleanly (cleanup included), never a trap.
            StandardStream.surviveClosedPipes()
            return await HowtoCommand.runMain(arguments: arguments)
        }
    }
}
