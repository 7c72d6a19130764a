import AsyncHTTPClient
import Foundation
import HowToPlan
import Diagnostics

/// Everything one run of one how-to holds: its directory, session, services, providers and known secrets.
final class RunState: @unchecked Sendable {
    let directory: String
    let session: ShellSession
    let http: HTTPClient
    let notes: [String]
    let providerExports: [String: [ProvidedValue]]
    private let providers: [any ProviderInstance]
    private let observer: any RunObserver
    private let lock = NSLock()
    private var services: [BackgroundService] = []
    private var providersStopped = false
    private var stopped = Set<ObjectIdentifier>()
    private var _masker = SecretMasker()

    private init(
        directory: String, session: ShellSession, notes: [String], providers: [String: any ProviderInstance],
        masker: SecretMasker, observer: any RunObserver
    ) {
        self.directory = directory
        self.session = session
        self.http = ReadinessWaiter.makeClient()
        self.notes = notes
        self.providers = Array(providers.values)
        self.providerExports = providers.mapValues(\.exports)
        self._masker = masker
        self.observer = observer
    }

    /// Creates the run directory, the tools on PATH, the providers the plan needs, and the session.
    /// With `restoring`, the session starts from that saved state file, with the run's own variables laid over it.
    static func prepare(plan: Plan, configuration: RunConfiguration, observer: any RunObserver, restoring: String? = nil) async throws -> RunState {
        let fm = FileManager.default
        try fm.createDirectory(atPath: configuration.workRoot, withIntermediateDirectories: true)
        let template = configuration.workRoot + "/howto-run-XXXXXX"
        var buffer = Array(template.utf8CString)
        guard mkdtemp(&buffer) != nil else { throw RunnerError.workDirectory(template) }
        let directory = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var environment = configuration.environment
        var notes: [String] = []
        let tools = try ToolDirectory.create(in: directory + "/bin", configuration: configuration)
        // The run's own variables: laid over a restored session too, since they name this run's directory.
        var own = [
            "PATH": tools.path + ":" + (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"),
            "HOWTO_STATE_DIR": directory + "/state",
            "HOWTO_GATEWAY_VERSION": configuration.gatewayVersion,
            "HOME": directory + "/home",
            "HOWTO_VAULT_MODE": configuration.vaultMode.rawValue,
        ]
        environment.merge(own) { _, new in new }
        try fm.createDirectory(atPath: directory + "/home", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: directory + "/state", withIntermediateDirectories: true)
        notes += tools.notes
        var masker = SecretMasker()
        masker.addSecrets(fromVariables: environment)
        var started: [String: any ProviderInstance] = [:]
        let wanted = Set(plan.steps.compactMap(\.attributes.provider)).sorted()
        let providers = configuration.providers(for: plan)
        for name in wanted {
            guard let starter = providers[name] else {
                if !providers.isEmpty { notes.append("no provider named \(name): its step runs with the reader's values") }
                continue
            }
            do {
                let instance = try await starter(directory)
                started[name] = instance
                environment.merge(instance.environment) { _, new in new }
                own.merge(instance.environment) { _, new in new }
                for value in instance.exports where value.secret { masker.add(value.value) }
            } catch {
                for instance in started.values { await instance.stop() }
                throw RunnerError.provider(name, "\(error)")
            }
        }
        let session = try ShellSession(
            directory: directory + "/session", workDirectory: directory + "/work",
            environment: restoring == nil ? environment : own, restoring: restoring)
        return RunState(directory: directory, session: session, notes: notes, providers: started, masker: masker, observer: observer)
    }

    /// The current secret masker.
    func masker() -> SecretMasker { lock.withLock { _masker } }

    /// Learns secrets from the session's variables after a step.
    func learnSecrets() async {
        let variables = await session.variables
        lock.withLock { _masker.addSecrets(fromVariables: variables) }
    }

    /// Registers a started background service (stopped at cleanup, last first).
    func add(_ service: BackgroundService) { lock.withLock { services.append(service) } }

    /// The logs of every background service, masked.
    func serviceLogs() -> [TutorialResult.ServiceLog] {
        let (all, mask) = lock.withLock { (services, _masker) }
        return all.map { .init(stepID: $0.stepID, name: $0.name, log: mask($0.log)) }
    }

    /// The background services started (or adopted) so far, in start order.
    func runningServices() -> [BackgroundService] { lock.withLock { services } }

    /// Runs the cleanup steps, then stops the services, last in first out; failures are collected, never thrown.
    func cleanUp(plan: Plan) async -> [StepResult] {
        if !plan.cleanup.isEmpty || !lock.withLock({ services.isEmpty }) { observer.cleanupStarted() }
        var results: [StepResult] = []
        let executor = StepExecutor(run: self, configuration: nil, observer: observer)
        for step in plan.cleanup.reversed() {
            results.append(await executor.execute(step, budgetLeft: nil))
        }
        return results + (await stopAll(file: plan.file))
    }

    /// Stops the services (last first), the steps' stragglers and the providers; one result per service.
    func stopAll(file: String) async -> [StepResult] {
        var results: [StepResult] = []
        // Services stay listed after they stop (their logs go into the report); each is stopped once.
        let stopping = lock.withLock {
            let fresh = services.filter { !stopped.contains(ObjectIdentifier($0)) }
            stopped.formUnion(fresh.map(ObjectIdentifier.init))
            return fresh
        }
        for service in stopping.reversed() {
            let clock = ContinuousClock()
            let start = clock.now
            await service.stop()
            let stopStep = Step(
                id: service.stepID + "-stop", section: "Stop \(service.name)", kind: .shell, phase: .cleanup,
                script: "# stop \(service.name)", location: .init(file: file, line: 1))
            results.append(StepResult(step: stopStep, status: .passed, seconds: (clock.now - start).seconds))
        }
        await session.stopStragglers()
        let providers = lock.withLock {
            defer { providersStopped = true }
            return providersStopped ? [] : self.providers
        }
        for provider in providers { await provider.stop() }
        return results
    }

    /// Learns the literal secret assignments of a script about to run.
    func learnSecrets(fromScript script: String) { lock.withLock { _masker.addLiteralAssignments(in: script) } }

    /// Marks a value as secret from now on (a value the reader typed).
    func addSecret(_ value: String) { lock.withLock { _masker.add(value) } }

    /// Releases the HTTP client and removes the run directory unless it is kept.
    func finish(keep: Bool) async {
        try? await http.shutdown()
        if !keep { try? FileManager.default.removeItem(atPath: directory) }
    }
}

/// Why a run could not start.
enum RunnerError: Error, CustomStringConvertible {
    case workDirectory(String)
    case provider(String, String)
    case tool(String)

    var description: String {
        switch self {
        case let .workDirectory(path): "cannot create a run directory at \(path)"
        case let .provider(name, why): "provider \(name) failed to start: \(why)"
        case let .tool(why): why
        }
    }
}
