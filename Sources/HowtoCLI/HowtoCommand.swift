import ArgumentParser
import Diagnostics
import Foundation
import Runner

/// `howto`: build a docs site from how-to markdown, verify the tutorials, walk a reader through them.
struct HowtoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "howto",
        abstract: "Build, verify and walk through how-to tutorials written in Kong's docs format.",
        discussion: "Exit codes: " + RunExit.meanings.map { "\($0.code) \($0.meaning)" }.joined(separator: ", ") + ".\n"
            + "The binary also answers as `vault`, `deck` and `kong` when called by those names.",
        version: HowtoCommand.version,
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, PlanCommand.self, TestCommand.self, WalkCommand.self, MockCommand.self])

    /// `howto VERSION (commit COMMIT)`, as `--version` prints it and the reports carry it.
    static let version = "howto \(BuildInfo.version) (commit \(BuildInfo.commit))"

    /// Parses and runs; usage errors exit 2 (bad input), as every other input error does.
    static func runMain(arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                return 0
            }
            StandardStream.error.write((fullMessage(for: error) + "\n"))
            // Usage errors are bad input; any other error that got this far is howto's own failure.
            if code == .validationFailure { return RunExit.badInput }
            return code == .failure ? RunExit.internalError : code.rawValue
        }
    }
}
