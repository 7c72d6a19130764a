import AsyncHTTPClient
import Diagnostics
import Foundation
import HowToPlan

/// Runs one step of any kind in a run's session and judges it.
struct StepExecutor {
    let run: RunState
    /// Nil during cleanup (defaults apply).
    let configuration: RunConfiguration?
    let observer: any RunObserver

    private var defaultTimeout: Duration { configuration?.defaultTimeout ?? .seconds(120) }

    /// Runs `step`; never throws: every problem becomes a failed result.
    func execute(_ step: Step, budgetLeft: Duration?) async -> StepResult {
        let clock = ContinuousClock()
        let start = clock.now
        var result: StepResult
        if let skip = skipReason(step) {
            result = StepResult(step: step, status: .skipped, message: skip)
        } else {
            result = await watchingServices(step) { await run(step, budgetLeft: budgetLeft) }
        }
        result.seconds = (clock.now - start).seconds
        await run.learnSecrets()
        let mask = run.masker()
        result.output = mask(result.output)
        result.message = result.message.map { mask($0) }
        result.step.script = mask(result.step.script)
        return result
    }

    private func run(_ step: Step, budgetLeft: Duration?) async -> StepResult {
        switch step.kind {
        case .background: await startService(step)
        case .validation: await validate(step, budgetLeft: budgetLeft)
        case .provider where providedScript(step) != nil:
            await shell(step, script: providedScript(step)!, budgetLeft: budgetLeft, echo: false)
        default: await shell(step, script: step.script, budgetLeft: budgetLeft, echo: true)
        }
    }

    /// Runs `body` while watching the services already up: if one exits, the step fails at once (its
    /// process stopped) with the service's last lines, instead of failing later for a reason that hides it.
    /// Cleanup steps (no configuration) are not watched: services are allowed to go then.
    private func watchingServices(_ step: Step, _ body: @escaping @Sendable () async -> StepResult) async -> StepResult {
        let watched = configuration == nil ? [] : run.runningServices()
        if let gone = watched.first(where: { $0.exit != nil }) { return Self.serviceGone(gone, step: step, during: false) }
        guard !watched.isEmpty else { return await body() }
        let result = await withTaskGroup(of: StepResult?.self) { group in
            group.addTask { await body() }
            group.addTask {
                while !Task.isCancelled {
                    if let gone = watched.first(where: { $0.exit != nil }) { return Self.serviceGone(gone, step: step, during: true) }
                    try? await Task.sleep(for: .milliseconds(20))
                }
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? StepResult(step: step, status: .failed)
        }
        // The step may have failed on its own first because the service was going (a refused connection).
        if result.status != .passed, let gone = watched.first(where: { $0.exit != nil }) {
            var failed = Self.serviceGone(gone, step: step, during: true)
            failed.output = result.output
            return failed
        }
        return result
    }

    private static func serviceGone(_ service: BackgroundService, step: Step, during: Bool) -> StepResult {
        let when = during ? "while this step ran" : "before this step"
        return StepResult(
            step: step, status: .failed, output: "",
            message: "the service `\(service.name)` (\(service.stepID)) stopped \(when) (\(service.exit.map(String.init(describing:)) ?? "gone")); its last lines:\n\(service.lastLines())")
    }

    /// Live mode against an external `$VAULT_ADDR`: the tutorial's own dev-server start is skipped.
    private func skipReason(_ step: Step) -> String? {
        guard let configuration, configuration.vaultMode == .live, step.kind == .background,
              let addr = configuration.environment["VAULT_ADDR"], !addr.isEmpty,
              step.script.contains("server -dev")
        else { return nil }
        return "skipped `\(step.script.split(separator: "\n").first ?? "")`: using the Vault at VAULT_ADDR=\(addr)"
    }

    /// The export lines that replace a provider step's placeholders, when its provider runs.
    private func providedScript(_ step: Step) -> String? {
        guard let name = step.attributes.provider, let values = run.providerExports[name] else { return nil }
        return values.map { "export \($0.name)=\(SessionScript.quote($0.value))" }.joined(separator: "\n") + "\n"
    }

    // MARK: Shell steps

    private func shell(_ step: Step, script: String, budgetLeft: Duration?, echo: Bool) async -> StepResult {
        let attempts = max(1, step.attributes.retry + 1)
        var last = StepResult(step: step, status: .failed)
        for attempt in 1...attempts {
            if attempt > 1 { try? await Task.sleep(for: .milliseconds(step.attributes.intervalMilliseconds)) }
            last = await shellOnce(step, script: script, budgetLeft: budgetLeft, echo: echo)
            last.attempts = attempt
            if last.status == .passed || Task.isCancelled { break }
        }
        return last
    }

    private func shellOnce(_ step: Step, script: String, budgetLeft: Duration?, echo: Bool) async -> StepResult {
        let timeout = effectiveTimeout(step, budgetLeft: budgetLeft)
        run.learnSecrets(fromScript: script)
        let mask = run.masker()
        let observer = observer
        let live = echo && !observer.holdsStepOutput
        do {
            let outcome = try await run.session.run(script, timeout: timeout, errexit: step.attributes.errexit) { line in
                if live { observer.output(mask(line), of: step) }
            }
            if echo && !live && !outcome.output.isEmpty {
                await run.learnSecrets()
                let mask = run.masker()
                for line in outcome.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast(outcome.output.hasSuffix("\n") ? 1 : 0) {
                    observer.output(mask(String(line)), of: step)
                }
            }
            return judge(step, script: script, outcome: outcome, timeout: timeout)
        } catch {
            return StepResult(step: step, status: .failed, message: "could not run the step: \(error)")
        }
    }

    private func judge(_ step: Step, script: String, outcome: ShellOutcome, timeout: Duration) -> StepResult {
        if outcome.timedOut {
            return StepResult(step: step, status: .timedOut, output: outcome.output, message: "timed out after \(timeout); the step and its children were killed")
        }
        guard let code = outcome.exitCode else {
            return StepResult(step: step, status: .failed, output: outcome.output, message: "killed by a signal")
        }
        if Int(code) != step.attributes.expectedExitCode {
            var message = "expected exit code \(step.attributes.expectedExitCode), got \(code)"
            if let failed = outcome.failedCommand, let command = Self.line(failed.line, of: script) {
                // The step's own script starts on the line after its fence; a provider's or a validation's does not.
                let location = script == step.script ? " at \(step.location.file):\(step.location.line + failed.line)" : ""
                message += ": `\(command)`\(location) exited \(failed.status)"
            }
            return StepResult(step: step, status: .failed, output: outcome.output, message: message)
        }
        if let expected = step.attributes.expectedOutput, !outcome.output.contains(expected) {
            return StepResult(step: step, status: .failed, output: outcome.output, message: "expected the output to contain \"\(expected)\"")
        }
        return StepResult(step: step, status: .passed, output: outcome.output)
    }

    /// Line `number` (from 1) of `script`, trimmed; nil when it is blank or past the end.
    private static func line(_ number: Int, of script: String) -> String? {
        let lines = script.split(separator: "\n", omittingEmptySubsequences: false)
        guard number >= 1, number <= lines.count else { return nil }
        let text = lines[number - 1].trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    private func effectiveTimeout(_ step: Step, budgetLeft: Duration?) -> Duration {
        let own = step.attributes.timeoutMilliseconds.map { Duration.milliseconds($0) } ?? defaultTimeout
        guard let budgetLeft else { return own }
        return min(own, max(budgetLeft, .milliseconds(1)))
    }

    // MARK: Background steps

    private func startService(_ step: Step) async -> StepResult {
        let name = String(step.script.split(separator: "\n").first ?? "service")
        let process: (executable: String, arguments: [String], environment: [String: String], workingDirectory: String)
        do {
            process = try await run.session.backgroundProcess(for: step.script)
        } catch {
            return StepResult(step: step, status: .failed, message: "could not start: \(error)")
        }
        if let address = step.attributes.ready?.socketAddress, ReadinessWaiter.connects(host: address.host, port: address.port) {
            let owner = PortOwner.listening(on: address.port).map { " by pid \($0.pid) (`\($0.command)`)" } ?? ""
            return StepResult(
                step: step, status: .failed,
                message: "\(address.host):\(address.port), where `\(name)` is to answer, is already taken\(owner): stop that process or "
                    + "use another address (the run will not go on against a server it did not start)")
        }
        let mask = run.masker()
        let observer = observer
        let service = BackgroundService(
            stepID: step.id, name: name,
            child: ChildProcess(executable: process.executable, arguments: process.arguments, environment: process.environment, workingDirectory: process.workingDirectory),
            onLine: { observer.output(mask($0), of: step) })
        run.add(service)
        await service.waitStarted()
        guard let probe = step.attributes.ready else {
            if let exit = service.exit {
                return StepResult(step: step, status: .failed, output: service.log, message: "the service exited at once (\(exit)); its last lines:\n\(service.lastLines())")
            }
            return StepResult(step: step, status: .passed, output: service.log)
        }
        let deadline = step.attributes.timeoutMilliseconds.map { Duration.milliseconds($0) } ?? configuration?.readinessTimeout ?? .seconds(30)
        let session = run.session
        // Probed every 10 ms at most: a refused connection costs nothing, and a server is used the moment it answers.
        do {
            try await ReadinessWaiter(http: run.http).wait(
                for: probe, service: service, deadline: deadline, interval: .milliseconds(min(step.attributes.intervalMilliseconds, 10))
            ) { command in
                let outcome = try? await session.run(command, timeout: .seconds(5))
                return outcome?.exitCode == 0
            }
            return StepResult(step: step, status: .passed, output: service.log)
        } catch {
            switch error {
            case let .deadline(message): return StepResult(step: step, status: .timedOut, output: service.log, message: message)
            case let .exited(message): return StepResult(step: step, status: .failed, output: service.log, message: message)
            }
        }
    }

    // MARK: Validations

    private func validate(_ step: Step, budgetLeft: Duration?) async -> StepResult {
        guard let validation = step.validation else {
            return await shell(step, script: step.script, budgetLeft: budgetLeft, echo: true)
        }
        switch validation {
        case let .vaultSecret(secret, value):
            let script = step.script.isEmpty ? "kong vault get \(SessionScript.quote(secret))" : step.script
            var result = await shell(step, script: script, budgetLeft: budgetLeft, echo: true)
            if result.status == .timedOut { return result }
            let printed = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
            // `kong vault get` prints the value alone on its line: match the line exactly, so that a value
            // that merely contains the expected one (my-password-2) does not pass.
            let lines = printed.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            if result.status == .passed, lines.contains(value) { return result }
            result.status = .failed
            result.message = "expected `kong vault get \(secret)` to print \"\(value)\", got \(printed.isEmpty ? "nothing" : "\"\(printed)\"")"
                + (result.message.map { " (\($0))" } ?? "")
            return result
        case let .customCommand(command, expectedExitCode, expectedOutput):
            var modified = step
            modified.attributes.expectedExitCode = expectedExitCode
            modified.attributes.expectedOutput = expectedOutput
            return await shell(modified, script: command, budgetLeft: budgetLeft, echo: true)
        case let .requestCheck(check):
            return await RequestValidator(http: run.http, session: run.session).check(check, step: step, retry: step.attributes.retry, interval: step.attributes.intervalMilliseconds)
        case let .notEmulated(type, needs, _):
            // Neither passed nor skipped: the how-to is not proven until this check runs where it can.
            return StepResult(step: step, status: .notRunnable, message: "not runnable here: the `\(type)` check needs \(needs), which howto does not emulate")
        case let .envVariables(names):
            let variables = await run.session.variables
            let missing = names.filter { (variables[$0] ?? "").isEmpty }
            if missing.isEmpty { return StepResult(step: step, status: .passed, output: names.joined(separator: "\n")) }
            return StepResult(step: step, status: .failed, message: "expected these variables to be set: \(missing.joined(separator: ", "))")
        }
    }
}
