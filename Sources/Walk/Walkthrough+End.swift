import Foundation
import HowTo
import HowToPlan
import Runner

/// How a walk ends: the reader quits or presses Ctrl-C (services stop, progress stays), or reaches the
/// end (cleanup, progress removed).
extension Walkthrough {
    /// Quit or Ctrl-C: stop what runs in the background, keep the progress for `--resume`.
    func leave(interrupted: Bool) async -> Outcome {
        TerminalInput.restoreTerminal()
        screen.line()
        if let session {
            stopAnnouncement(session)
            _ = await Task.detached { await session.stopServices() }.value
            progress.services = []
            save()
            await session.finish(keep: true)
        }
        let done = progress.done.count
        screen.line((interrupted ? "Interrupted. " : "") + "Progress saved: \(done) of \(plan.steps.count) steps done.")
        screen.line("Continue with: " + screen.style.paint(settings.resumeCommand, .bold))
        let next = plan.steps.indices.first { results[$0] == nil || results[$0]?.status == .failed || results[$0]?.status == .timedOut }
        let reason = "the reader quit at step \((next ?? done) + 1)"
        return interrupted
            ? outcome(verdict: .interrupted, reason: nil, exitCode: RunExit.interrupted)
            : outcome(verdict: hasFailure ? .failed : .skipped, reason: hasFailure ? nil : reason, exitCode: hasFailure ? RunExit.failed : RunExit.passed)
    }

    /// The end of the how-to (or `c`): summary, cleanup, services stopped, progress removed.
    func end(cleanupNow: Bool) async -> Outcome {
        guard let session else { return outcome(verdict: .failed, reason: nil, exitCode: RunExit.failed) }
        let style = screen.style
        let passed = results.filter { $0?.status == .passed }.count
        let skipped = results.filter { $0?.status == .skipped }.count
        var runCleanup = cleanupNow || settings.assumeYes
        if !plan.cleanup.isEmpty, !runCleanup {
            screen.lines(["", renderer.heading("Clean up", level: 2)[0]] + page.cleanup.filter { $0.topology == nil || $0.topology == plan.topology }.flatMap { item in
                [style.paint(item.title, .bold)] + renderer.render(item.passages)
            } + [""])
            screen.prompt(style.paint("  Run the \(plan.cleanup.count) cleanup steps now? [Y/n] ", .dim))
            let answer = await input.line()
            runCleanup = answer.map { !$0.lowercased().hasPrefix("n") } ?? false
        }
        stopAnnouncement(session)
        let cleanup = await Task.detached { runCleanup ? await session.cleanUp() : await session.stopServices() }.value
        for failure in cleanup where failure.status == .failed || failure.status == .timedOut {
            screen.line(style.paint("cleanup failed:", .yellow) + " \(failure.step.section): \(failure.message ?? "") (\(failure.step.location))")
        }
        let logs = session.serviceLogs()
        let variables = await session.maskedVariables()
        await session.finish(keep: false)
        settings.store.remove()
        screen.line()
        let unchecked = results.filter { $0?.status == .notRunnable }.count
        if passed == plan.steps.count {
            screen.line(style.paint("✔ Tutorial complete: all \(plan.steps.count) steps passed.", .green, .bold) + " " + plan.title)
        } else {
            let failed = results.filter { $0?.status == .failed || $0?.status == .timedOut }.count
            let notRun = plan.steps.count - passed - skipped - failed - unchecked
            screen.line(style.paint("\(passed) of \(plan.steps.count) steps passed", hasFailure ? .red : .yellow)
                + ", \(failed) failed, \(skipped) skipped" + (unchecked > 0 ? ", \(unchecked) not checkable here" : "")
                + (notRun > 0 ? ", \(notRun) not run" : "") + ".")
        }
        let verdict: TutorialResult.Verdict = hasFailure ? .failed
            : passed == plan.steps.count ? .passed : passed + unchecked == plan.steps.count ? .notRunnable : .skipped
        var result = outcome(verdict: verdict, reason: verdict == .skipped ? "the reader skipped \(skipped) steps" : nil,
                             exitCode: hasFailure || verdict == .notRunnable ? RunExit.failed : RunExit.passed)
        result.result.cleanup = cleanup
        result.result.services = logs
        result.result.variables = variables
        return result
    }

    /// Whether a step's final result is a failure.
    var hasFailure: Bool { results.contains { $0?.status == .failed || $0?.status == .timedOut } }

    private func stopAnnouncement(_ session: TutorialSession) {
        let running = session.services
        guard !running.isEmpty else { return }
        screen.line(screen.style.paint("Stopping \(running.count) background service\(running.count == 1 ? "" : "s"): ", .dim)
            + running.map { "\($0.name) (pid \($0.processGroup ?? 0))" }.joined(separator: ", "))
    }

    /// The result as `howto test` reports it: steps not reached are skipped.
    func outcome(verdict: TutorialResult.Verdict, reason: String?, exitCode: Int32) -> Outcome {
        let why = hasFailure ? "not run: an earlier step did not pass" : "not run: the walk ended before it"
        let steps = plan.steps.enumerated().map { index, step in results[index] ?? StepResult(step: step, status: .skipped, message: why) }
        let result = TutorialResult(
            file: plan.file, title: plan.title, verdict: verdict, skipReason: reason, notes: notes, steps: steps,
            seconds: (clock.now - started) / .seconds(1))
        return Outcome(result: result, exitCode: exitCode)
    }
}
