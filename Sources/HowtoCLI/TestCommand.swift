import ArgumentParser
import Diagnostics
import Foundation
import HowToPlan
import MockVault
import Runner

/// `howto test`: run how-tos against the mock (or a live) Vault and report.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run how-tos' steps and validations; report to the console, JUnit, JSON and GitHub.")

    @OptionGroup var options: ContentOptions

    @Argument(help: "How-to files or directories (default: CONTENT/how-to). Files named here run even with automated_tests: false.")
    var paths: [String] = []

    @Option(name: .long, help: "mock (the embedded Vault, default) or live (a real vault/bao, or $VAULT_ADDR). With --mutate: both unless given.")
    var vault: VaultModeOption?

    @Flag(name: .long, help: "Prove the tests can fail: rerun the how-to with each step removed and each key value changed.")
    var mutate = false

    @Option(name: .long, help: "junit:PATH or json:PATH; repeatable.")
    var report: [ReportTarget] = []

    @Option(name: .long, help: ArgumentHelp(
        "Run only the how-tos that the changes since this git revision can break (their file, an include or data file they read, their provider; all for site config, templates or howto itself), saying why.",
        valueName: "rev"))
    var affectedSince: String?

    @Option(name: .long, help: "Run only shard i of n (stable by path), e.g. 2/4.")
    var shard: ShardOption?

    @Option(name: .long, help: "How many how-tos run at once.")
    var jobs: Int = 1

    @Flag(name: .long, help: "Also run how-tos marked automated_tests: false found in directories.")
    var includeUntested = false

    @Option(name: .long, help: "Default per-step timeout (500ms, 30s, 2m).")
    var timeout: DurationOption = DurationOption(milliseconds: 120_000)

    @Option(name: .long, help: "Whole-run budget; exceeding it exits 4.")
    var budget: DurationOption?

    @Option(name: .long, help: "The emulated gateway version (min_version gate, decK field checks).")
    var gatewayVersion: String = "3.13"

    @Option(name: .long, help: "Deployment topology (\(Topology.allCases.map(\.rawValue).joined(separator: " or "))).")
    var topology: Topology = .onPrem

    @Flag(name: .long, help: "Exit 0 when the only steps that did not pass are checks howto cannot run here (a gateway proxy, Kubernetes, gRPC); they stay 'not verified' in reports.")
    var allowUnrunnable = false

    @Flag(name: .long, help: "Keep each run's directory (it is kept anyway when a run fails).")
    var keep = false

    @Flag(name: .long, help: "Do not start providers: provider steps keep the reader's values.")
    var noProviders = false

    @Option(name: .long, help: "Keep the fixtures' CA in this directory (ca.pem) across runs, for a Vault started outside the run to trust. Also HOWTO_CA_DIR.")
    var caDir: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        var loaded = try PlanLoader(contentRoot: options.content, strict: options.strict, topology: topology).load(paths)
        if let revision = affectedSince {
            loaded = try Self.affected(loaded, since: revision)
            if loaded.isEmpty { return }
        }
        if let shard = shard?.shard { loaded = loaded.filter { shard.contains($0.plan.file) } }
        for entry in loaded where !entry.plan.isRunnable {
            StandardStream.error.write("\(entry.plan.file):1:1: error: nothing to run: the how-to has no runnable step\n")
            throw ExitCode.badInput
        }
        var configuration = RunConfiguration(
            toolBinary: SelfExecutable.path, environment: ProcessInfo.processInfo.environment,
            workRoot: NSTemporaryDirectory() + "howto")
        configuration.vaultMode = vault?.mode ?? .mock
        configuration.defaultTimeout = .milliseconds(timeout.milliseconds)
        configuration.budget = budget.map { .milliseconds($0.milliseconds) }
        configuration.gatewayVersion = gatewayVersion
        configuration.keepWorkDirectory = keep
        if !noProviders {
            let caDirectory = caDir ?? ProcessInfo.processInfo.environment["HOWTO_CA_DIR"].flatMap { $0.isEmpty ? nil : $0 }
            for entry in loaded {
                configuration.providersByFile[entry.plan.file] = Providers.starters(entry.providers, caDirectory: caDirectory)
            }
        }
        if mutate { throw ExitCode(try await runMutations(loaded, configuration: configuration)) }
        let buffered = jobs > 1
        let console = ConsoleReporter()
        var execute: SuiteRunner.Execute?
        if jobs > 1 {
            if IsolatedJob.available {
                let job = IsolatedJob(arguments: childArguments())
                execute = { plan, _, observer in await job.run(plan, observer: observer) }
            } else {
                console.note("--jobs \(jobs): no network namespaces here (needs root, unshare and ip): how-tos share one loopback")
            }
        }
        let suite = SuiteRunner(
            configuration: configuration, includeUntested: includeUntested, jobs: jobs,
            makeObserver: { buffered ? BufferedObserver() as any RunObserver : console }, execute: execute)
        let entries = loaded.map { SuiteRunner.Entry(plan: $0.plan, explicitlyNamed: $0.explicitlyNamed) }
        let results = await InterruptHandler.run { await suite.run(entries) }
        console.summary(results)
        let mode = configuration.vaultMode
        let vaultVersion = mode == .mock ? "OpenBao \(MockVaultFidelity.openBaoVersion)"
            : RunFacts.liveVaultVersion(environment: configuration.environment)
        let facts = RunFacts(vault: mode, vaultVersion: vaultVersion, gateway: gatewayVersion, howto: HowtoCommand.version)
        try ReportWriter(targets: report, run: facts).write(results)
        throw ExitCode(RunExit.code(for: results, allowUnrunnable: allowUnrunnable))
    }
}

extension TestCommand {
    /// The options an isolated child run repeats (the file, its report and `--jobs 1` are added by the job).
    func childArguments() -> [String] {
        var arguments = ["--vault", (vault?.mode ?? .mock).rawValue,
                         "--timeout", "\(timeout.milliseconds)ms", "--gateway-version", gatewayVersion, "--topology", topology.rawValue]
        if let content = options.content { arguments += ["--content", content] }
        if options.strict { arguments.append("--strict") }
        if let budget { arguments += ["--budget", "\(budget.milliseconds)ms"] }
        if keep { arguments.append("--keep") }
        if noProviders { arguments.append("--no-providers") }
        if let caDir { arguments += ["--ca-dir", caDir] }
        return arguments
    }

    /// `--mutate`: every mutant in mock and live mode; exit 0 when each is caught and the modes agree.
    func runMutations(_ loaded: [PlanLoader.Loaded], configuration: RunConfiguration) async throws -> Int32 {
        guard loaded.count == 1, let plan = loaded.first?.plan else {
            StandardStream.error.write("error: --mutate takes exactly one how-to file\n")
            return 2
        }
        let modes: [VaultMode] = vault.map { [$0.mode] } ?? VaultMode.allCases
        var configurations: [VaultMode: RunConfiguration] = [:]
        for mode in modes {
            var c = configuration
            c.vaultMode = mode
            c.keepWorkDirectory = false
            configurations[mode] = c
        }
        let tester = MutationTester(configurations: configurations)
        let (baseline, rows) = await InterruptHandler.run {
            await tester.run(plan) { line in print(line) }
        }
        let baselinePassed = baseline.values.allSatisfy { $0 }
        let caught = rows.filter(\.acceptable).count
        print("\nmutants: \(rows.count), caught or informational: \(caught), not caught: \(rows.count - caught); modes: \(modes.map(\.rawValue).joined(separator: ", "))")
        if !baselinePassed { print("the unmodified how-to does not pass in every mode: mutation results mean nothing") }
        if let target = report.first(where: { $0.kind == .json }) {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(rows).write(to: URL(fileURLWithPath: target.path))
        }
        return baselinePassed && caught == rows.count ? 0 : 1
    }
}

/// The path of the running howto binary (linked as vault/deck/kong for runs).
enum SelfExecutable {
    static var path: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

extension TestCommand {
    /// The how-tos the changes since `revision` can break, each printed with why; "nothing affected" is a success.
    static func affected(_ loaded: [PlanLoader.Loaded], since revision: String) throws -> [PlanLoader.Loaded] {
        let selection: AffectedSelection
        do {
            selection = try AffectedSelection(since: revision)
        } catch {
            StandardStream.error.write("error: \(error)\n")
            throw ExitCode.badInput
        }
        let chosen = loaded.compactMap { entry in selection.reason(for: entry).map { (entry, $0) } }
        guard !chosen.isEmpty else {
            print("nothing affected since \(revision): none of the \(loaded.count) how-tos, their includes, data, providers, templates or site configuration changed")
            return []
        }
        print("affected since \(revision): \(chosen.count) of \(loaded.count) how-tos")
        for (entry, why) in chosen { print("  \(entry.plan.file): \(why)") }
        return chosen.map(\.0)
    }
}
