import Foundation
import HowToPlan
import Runner

/// Where a walk starts: afresh, at `--from N` after running the earlier steps silently, or where the saved
/// progress stopped (`--resume`), re-running only what is needed.
extension Walkthrough {
    /// Prepares the session; returns the index of the first step to walk.
    func begin() async throws(WalkError) -> Int {
        let store = settings.store
        do {
            try store.prepare()
        } catch {
            throw .progress(store.directory, "\(error)")
        }
        var saved: WalkProgress?
        do {
            saved = try store.load()
        } catch {
            if settings.resume { throw .progress(store.file, "\(error)") }
        }
        if settings.resume {
            guard let saved else { throw .nothingToResume(plan.file) }
            guard saved.fingerprint == progress.fingerprint else { throw .changedSinceSaved(plan.file) }
            return try await resume(saved)
        }
        if let saved {
            // A fresh walk replaces the old progress; services an interrupted walk left behind go first.
            for service in Self.alive(saved.services) { await TutorialSession.stopProcessGroup(service.processGroup) }
            if !saved.done.isEmpty { screen.line(screen.style.paint("note:", .yellow) + " replacing the saved progress (\(saved.done.count) steps); --resume would have continued it") }
        }
        if let from = settings.from, !(1...plan.steps.count).contains(from) { throw .noSuchStep(from, plan.steps.count) }
        try await startSession(restoring: nil)
        save()
        let first = (settings.from ?? 1) - 1
        return await replay(0..<first, scripts: [:], skipped: [])
    }

    /// Resumes saved progress: keeps services that are still up, re-runs from the first step whose effect
    /// is gone (a stopped service, a provider that restarts), restoring the session state from before it.
    private func resume(_ saved: WalkProgress) async throws(WalkError) -> Int {
        let indexOf = Dictionary(uniqueKeysWithValues: plan.steps.enumerated().map { ($1.id, $0) })
        let done = saved.done.filter { indexOf[$0.id] != nil }
        let alive = Self.alive(saved.services)
        let aliveSteps = Set(alive.map(\.stepID))
        var needed = done.count
        for (position, entry) in done.enumerated() {
            let step = plan.steps[indexOf[entry.id]!]
            let serviceGone = step.kind == .background && entry.status == StepResult.Status.passed.rawValue && !aliveSteps.contains(step.id)
            let providerRestarts = step.attributes.provider.map { settings.configuration.providers(for: plan)[$0] != nil } ?? false
            if serviceGone || providerRestarts {
                needed = position
                break
            }
        }
        // The reader's answers live in the last saved state; they answer the replayed steps' placeholders.
        if let last = done.last { savedVariables = TutorialSession.savedVariables(statePath: last.state) ?? [:] }
        let keep = done.prefix(needed)
        for service in alive {
            guard let index = indexOf[service.stepID], index >= needed else { continue }
            await TutorialSession.stopProcessGroup(service.processGroup)
        }
        try await startSession(restoring: keep.last?.state)
        guard let session else { return 0 }
        for service in alive where (indexOf[service.stepID] ?? Int.max) < needed {
            session.adopt(processGroup: service.processGroup, stepID: service.stepID, name: service.name)
            screen.line(screen.style.paint("  ⟳ still running, kept: \(service.name) (pid \(service.processGroup))", .dim))
        }
        for secret in savedVariables where SecretMasker.isSecretName(secret.key) { session.addSecret(secret.value) }
        for entry in keep {
            let index = indexOf[entry.id]!
            results[index] = StepResult(step: plan.steps[index], status: StepResult.Status(rawValue: entry.status) ?? .passed, message: "done in an earlier walk")
        }
        progress.done = Array(keep)
        save()
        let scripts = Dictionary(done.compactMap { entry in entry.script.map { (entry.id, $0) } }, uniquingKeysWith: { a, _ in a })
        let skipped = Set(done.filter { $0.status == StepResult.Status.skipped.rawValue }.map(\.id))
        screen.line(screen.style.paint("Resuming: \(done.count) of \(plan.steps.count) steps were done.", .bold))
        return await replay(needed..<done.count, scripts: scripts, skipped: skipped)
    }

    /// Runs `range` silently (the reader's edited scripts where given; their skips kept); returns the first
    /// step to walk: the end of the range, or the step that failed.
    private func replay(_ range: Range<Int>, scripts: [String: String], skipped: Set<String>) async -> Int {
        guard !range.isEmpty else { return range.upperBound }
        screen.line(screen.style.paint("Running steps \(range.lowerBound + 1)–\(range.upperBound) silently first…", .dim))
        for index in range {
            let step = plan.steps[index]
            let script = scripts[step.id] ?? step.script
            if skipped.contains(step.id) {
                _ = await record(index, StepResult(step: step, status: .skipped, message: "skipped by the reader"), script: script)
                continue
            }
            guard let filled = await scriptToRun(step, base: script) else { return index }
            let result = await execute(index, script: filled, quiet: true)
            guard result.status == .passed || result.status == .notRunnable, !Task.isCancelled else {
                screen.line(screen.style.paint("  Step \(index + 1) (\(step.id)) did not pass when run again:", .red) + " " + (result.message ?? result.status.rawValue))
                return index
            }
            _ = await record(index, result, script: script)
        }
        screen.line(screen.style.paint("  ✔ steps \(range.lowerBound + 1)–\(range.upperBound) done", .dim))
        return range.upperBound
    }

    private func startSession(restoring: String?) async throws(WalkError) {
        var configuration = settings.configuration
        configuration.workRoot = settings.store.runsDirectory
        configuration.keepWorkDirectory = true
        do {
            let session = try await TutorialSession.start(plan, configuration: configuration, observer: observer, restoring: restoring)
            self.session = session
            for note in session.notes { observer.note(note) }
            notes += session.notes
        } catch {
            throw .preparation("\(error)")
        }
    }

    /// The saved services whose process is still the one that was saved.
    static func alive(_ services: [WalkProgress.Service]) -> [WalkProgress.Service] {
        services.filter { service in
            TutorialSession.isRunning(processGroup: service.processGroup)
                && (service.startTime == nil || TutorialSession.processStartTime(service.processGroup) == service.startTime)
        }
    }
}
