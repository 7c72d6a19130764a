import AsyncHTTPClient
import Foundation
public import HowToPlan
import Diagnostics

/// Runs one how-to's plan: providers, one shell session, background services, validations, cleanup.
public struct TutorialRunner: Sendable {
    private let configuration: RunConfiguration
    private let observer: any RunObserver

    /// Creates a runner.
    public init(configuration: RunConfiguration, observer: any RunObserver = SilentObserver()) {
        self.configuration = configuration
        self.observer = observer
    }

    /// Runs `plan` to the end (or to the first failure), then always cleans up.
    public func run(_ plan: Plan, notes: [String] = []) async -> TutorialResult {
        let clock = ContinuousClock()
        let started = clock.now
        observer.tutorialStarted(plan)
        for note in notes { observer.note(note) }
        let session: TutorialSession
        do {
            session = try await TutorialSession.start(plan, configuration: configuration, observer: observer)
        } catch {
            let message = "could not prepare the run: \(error)"
            observer.note(message)
            let failed = StepResult(step: plan.steps.first ?? Self.setupStep(plan), status: .failed, message: message)
            let result = TutorialResult(file: plan.file, title: plan.title, verdict: .failed, notes: notes + [message], steps: [failed])
            observer.tutorialFinished(result)
            return result
        }
        for note in session.notes { observer.note(note) }
        var allNotes = notes + session.notes
        var results: [StepResult] = []
        var verdict = TutorialResult.Verdict.passed
        var unrunnable = 0
        let deadline = configuration.budget.map { started + $0 }
        for (offset, step) in plan.steps.enumerated() {
            let index = offset + 1
            if verdict != .passed {
                results.append(StepResult(step: step, status: .skipped, message: "not run: an earlier step did not pass"))
                continue
            }
            if Task.isCancelled {
                verdict = .interrupted
                results.append(StepResult(step: step, status: .skipped, message: "not run: the run was interrupted"))
                continue
            }
            if let deadline, clock.now >= deadline {
                verdict = .budgetExceeded
                results.append(StepResult(step: step, status: .skipped, message: "not run: the run's budget of \(configuration.budget!) was used up"))
                continue
            }
            observer.stepStarted(step, index: index, total: plan.steps.count)
            let remaining = deadline.map { $0 - clock.now }
            let result = await session.execute(step, budgetLeft: remaining)
            results.append(result)
            observer.stepFinished(result, index: index, total: plan.steps.count)
            if result.status == .failed || result.status == .timedOut {
                if Task.isCancelled {
                    verdict = .interrupted
                } else if let deadline, clock.now >= deadline, result.status == .timedOut {
                    verdict = .budgetExceeded
                } else {
                    verdict = .failed
                }
            } else if result.status == .skipped, let message = result.message {
                allNotes.append(message)
            } else if result.status == .notRunnable {
                unrunnable += 1
            }
        }
        if Task.isCancelled, verdict == .passed { verdict = .interrupted }
        if verdict == .passed, unrunnable > 0 {
            verdict = .notRunnable
            allNotes.append("\(unrunnable) of \(plan.steps.count) steps could not run here: the how-to is not verified")
        }
        // Cleanup runs outside the (possibly cancelled) task so that Ctrl-C cannot skip it.
        let cleanup = await Task.detached { await session.cleanUp() }.value
        let result = TutorialResult(
            file: plan.file, title: plan.title, verdict: verdict, notes: allNotes, steps: results, cleanup: cleanup,
            services: session.serviceLogs(), variables: await session.maskedVariables(), seconds: (clock.now - started).seconds)
        await session.finish(keep: configuration.keepWorkDirectory || verdict != .passed)
        observer.tutorialFinished(result)
        return result
    }

    private static func setupStep(_ plan: Plan) -> Step {
        Step(id: "setup", section: "Setup", kind: .shell, script: "", location: .init(file: plan.file, line: 1))
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
