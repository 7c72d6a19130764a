import Foundation
public import HowToPlan

/// One how-to's run held open between steps: `howto test` runs it straight through, `howto walk` at the
/// reader's pace. One shell session, one set of services and providers, one secret masker.
public final class TutorialSession: Sendable {
    /// The plan being run.
    public let plan: Plan
    private let run: RunState
    private let configuration: RunConfiguration
    private let observer: any RunObserver

    private init(plan: Plan, run: RunState, configuration: RunConfiguration, observer: any RunObserver) {
        self.plan = plan
        self.run = run
        self.configuration = configuration
        self.observer = observer
    }

    /// Prepares a run of `plan` (directory, tools, providers, session); `restoring` resumes a saved session state.
    public static func start(
        _ plan: Plan, configuration: RunConfiguration, observer: any RunObserver, restoring: String? = nil
    ) async throws -> TutorialSession {
        let run = try await RunState.prepare(plan: plan, configuration: configuration, observer: observer, restoring: restoring)
        return TutorialSession(plan: plan, run: run, configuration: configuration, observer: observer)
    }

    /// What preparing the run found worth saying (live mode's `vault`, a provider that is not declared).
    public var notes: [String] { run.notes }

    /// The run's private directory.
    public var directory: String { run.directory }

    /// Runs `step` as it is given (the reader may have edited its script) and judges it; never throws.
    public func execute(_ step: Step, budgetLeft: Duration? = nil) async -> StepResult {
        await StepExecutor(run: run, configuration: configuration, observer: observer).execute(step, budgetLeft: budgetLeft)
    }

    /// The values a provider supplies to this step instead of the reader's; nil when no provider runs for it.
    public func providedValues(for step: Step) -> [ProvidedValue]? {
        step.attributes.provider.flatMap { run.providerExports[$0] }
    }

    /// The background services running now, in start order.
    public var services: [BackgroundService] { run.runningServices().filter(\.isRunning) }

    /// Takes over a service an earlier run of the same walk left running; it is stopped like the others.
    public func adopt(processGroup: Int32, stepID: String, name: String) {
        run.add(BackgroundService(adopting: processGroup, stepID: stepID, name: name))
    }

    /// When the process `pid` started, to tell it from a later process that reused the number.
    public static func processStartTime(_ pid: Int32) -> UInt64? { ProcessGroup.startTime(pid) }

    /// Whether any process of the group is still running (zombies do not count).
    public static func isRunning(processGroup: Int32) -> Bool { ProcessGroup.isAlive(processGroup) }

    /// Stops a process group an earlier run left behind (TERM, then KILL).
    public static func stopProcessGroup(_ processGroup: Int32) async { await ProcessGroup.stop(processGroup) }

    /// The variables a saved session state holds (nil when it is gone).
    public static func savedVariables(statePath: String) -> [String: String]? { ShellSession.savedVariables(statePath) }

    /// The saved session state the next step starts from.
    public func statePath() async -> String { await run.session.statePath }

    /// The session's variables now (unmasked: for the reader's own answers, never for output).
    public func variables() async -> [String: String] { await run.session.variables }

    /// Treats `value` as a secret from now on (masked in output and reports).
    public func addSecret(_ value: String) { run.addSecret(value) }

    /// Treats the literal values `script` assigns to secret-named variables as secrets from now on.
    public func learnSecrets(fromScript script: String) { run.learnSecrets(fromScript: script) }

    /// `text` with every known secret masked.
    public func mask(_ text: String) -> String { run.masker()(text) }

    /// Runs the cleanup steps (last first), then stops services, stragglers and providers.
    public func cleanUp() async -> [StepResult] { await run.cleanUp(plan: plan) }

    /// Stops services, stragglers and providers without running the cleanup steps (quit, Ctrl-C).
    public func stopServices() async -> [StepResult] { await run.stopAll(file: plan.file) }

    /// Every service's log, masked.
    public func serviceLogs() -> [TutorialResult.ServiceLog] { run.serviceLogs() }

    /// The session's variables with secrets masked, for reports.
    public func maskedVariables() async -> [String: String] { run.masker().masked(variables: await run.session.variables) }

    /// Releases the run's resources; removes its directory unless `keep`.
    public func finish(keep: Bool) async { await run.finish(keep: keep) }
}
