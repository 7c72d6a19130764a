import ArgumentParser
import Diagnostics
import Foundation
import HowTo
import HowToPlan
import Runner
import Walk

/// `howto walk`: a guided walkthrough of one how-to in the terminal.
struct WalkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walk",
        abstract: "Walk through a how-to in the terminal: read each section, run each step when you are ready.",
        discussion: """
            At each step: Enter runs it, s skips it, e edits it first ($VISUAL/$EDITOR, else line by line), o shows its \
            output again, l lists background services, c cleans up and ends, q quits. Progress is saved after every \
            step in .howto-walk/ in the working directory; --resume continues it.
            """)

    @OptionGroup var options: ContentOptions

    @Argument(help: "The how-to file.")
    var file: String

    @Flag(name: .long, help: "Use the embedded identity provider and mock Vault for everything you would supply: nothing to install.")
    var fixtures = false

    @Flag(name: [.customShort("y"), .long], help: "Run every step without asking and stop at the first failure, as `howto test` does.")
    var yes = false

    @Flag(name: .long, help: "Continue the saved walk of this how-to where it stopped.")
    var resume = false

    @Option(name: .long, help: "Start at step N (1-based), running the earlier steps silently first.")
    var from: Int?

    @Option(name: .long, help: "mock or live (default: mock with --fixtures; else live when a vault or bao is installed, mock when none is).")
    var vault: VaultModeOption?

    @Option(name: .long, help: "Per-step timeout (500ms, 30s, 2m).")
    var timeout: DurationOption = DurationOption(milliseconds: 120_000)

    @Option(name: .long, help: "The emulated gateway version.")
    var gatewayVersion: String = "3.13"

    @Option(name: .long, help: "Deployment topology (\(Topology.allCases.map(\.rawValue).joined(separator: " or "))).")
    var topology: Topology = .onPrem

    @Option(name: .long, help: "junit:PATH or json:PATH: the walk's verdicts, as `howto test` reports them; repeatable.")
    var report: [ReportTarget] = []

    func validate() throws {
        if resume, from != nil { throw ValidationError("--resume and --from cannot be combined: --resume starts where the walk stopped") }
        if let from, from < 1 { throw ValidationError("--from counts steps from 1") }
        if fixtures, vault?.mode == .live { throw ValidationError("--fixtures uses the mock Vault; drop --vault live") }
    }

    func run() async throws {
        guard let loaded = try PlanLoader(contentRoot: options.content, strict: options.strict, topology: topology).load([file]).first else {
            throw ExitCode.badInput
        }
        let page = loaded.page
        let environment = ProcessInfo.processInfo.environment
        var configuration = RunConfiguration(toolBinary: SelfExecutable.path, environment: environment, workRoot: NSTemporaryDirectory() + "howto")
        configuration.vaultMode = fixtures ? .mock : vault?.mode ?? (RunConfiguration.realVault(environment: environment) == nil ? .mock : .live)
        configuration.defaultTimeout = .milliseconds(timeout.milliseconds)
        configuration.gatewayVersion = gatewayVersion
        if fixtures { configuration.providersByFile[page.plan.file] = Providers.starters(loaded.providers) }
        let settings = WalkSettings(
            configuration: configuration, fixtures: fixtures, assumeYes: yes, resume: resume, from: from,
            store: WalkProgressStore(slug: page.slug, root: FileManager.default.currentDirectoryPath), environment: environment, resumeCommand: resumeCommand(),
            productNames: ProductNames(site: loaded.site))
        let walk = Walkthrough(page: page, settings: settings, screen: Screen(style: .detect(environment: environment)))
        let outcome = await InterruptHandler.run { () -> Result<Walkthrough.Outcome, WalkError> in
            do throws(WalkError) {
                return .success(try await walk.run())
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case let .success(outcome):
            try ReportWriter(targets: report).write([outcome.result])
            throw ExitCode(outcome.exitCode)
        case let .failure(error):
            StandardStream.error.write("\(file):1:1: error: \(error)\n")
            throw ExitCode.badInput
        }
    }

    /// The command line that resumes this walk.
    private func resumeCommand() -> String {
        var words = ["howto", "walk", file, "--resume"]
        if let content = options.content { words += ["--content", content] }
        if fixtures { words.append("--fixtures") }
        if let vault, !fixtures { words += ["--vault", vault.mode.rawValue] }
        return words.joined(separator: " ")
    }
}
