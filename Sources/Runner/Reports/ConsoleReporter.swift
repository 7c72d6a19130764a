import Diagnostics
import Foundation
public import HowToPlan
#if canImport(Glibc)
import Glibc
#endif

/// Live console progress: `[3/12] Section ... ok 0.21 s`, streamed step output, notes, and a summary.
public final class ConsoleReporter: RunObserver, @unchecked Sendable {
    private let lock = NSLock()
    private let colour: Bool
    private let interactive: Bool
    private let write: @Sendable (String) -> Void
    private var lineOpen = false
    private var ticker: Task<Void, Never>?

    /// Creates a reporter writing to `write` (stdout by default); colour unless `NO_COLOR` or no TTY.
    public init(colour: Bool? = nil, interactive: Bool? = nil, write: (@Sendable (String) -> Void)? = nil) {
        let tty = isatty(STDOUT_FILENO) == 1
        self.colour = colour ?? (tty && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        self.interactive = interactive ?? tty
        self.write = write ?? { text in StandardStream.output.write(text) }
    }

    public func tutorialStarted(_ plan: Plan) {
        emit("\(paint("▶ \(plan.title)", .bold)) \(paint(plan.file, .dim))\n")
    }

    public func stepStarted(_ step: Step, index: Int, total: Int) {
        let label = "[\(index)/\(total)] \(step.section.isEmpty ? step.id : step.section)"
        emit("\(label) \(paint("…", .dim)) ")
        lock.withLock { lineOpen = true }
        guard interactive else { return }
        let start = ContinuousClock.now
        let ticker = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                guard let self, !Task.isCancelled else { return }
                let seconds = Int((ContinuousClock.now - start).components.seconds)
                self.lock.withLock {
                    if self.lineOpen { self.write("\r\u{1B}[K\(label) \(self.paint("… \(seconds) s", .dim)) ") }
                }
            }
        }
        lock.withLock { self.ticker = ticker }
    }

    public func output(_ line: String, of step: Step) {
        lock.withLock {
            if lineOpen {
                write("\n")
                lineOpen = false
            }
            write("    \(paint("│", .dim)) \(line)\n")
        }
    }

    public func stepFinished(_ result: StepResult, index: Int, total: Int) {
        lock.withLock {
            ticker?.cancel()
            ticker = nil
        }
        let time = String(format: "%.2f s", result.seconds)
        let verdict: String
        switch result.status {
        case .passed: verdict = paint("ok", .green) + " " + time
        case .failed: verdict = paint("FAILED", .red) + " " + time
        case .timedOut: verdict = paint("TIMED OUT", .red) + " " + time
        case .skipped: verdict = paint("skipped", .yellow)
        case .notRunnable: verdict = paint("NOT RUNNABLE HERE", .yellow)
        }
        let reopen = lock.withLock { !lineOpen }
        let label = "[\(index)/\(total)] \(result.step.section.isEmpty ? result.step.id : result.step.section)"
        emit((reopen ? "\(label) \(paint("…", .dim)) " : "") + verdict + "\n")
        if result.status != .passed, let message = result.message {
            emit("    \(paint("↳", .dim)) \(message) \(paint("(\(result.step.location))", .dim))\n")
        }
    }

    /// Not a terminal (CI): output is held until its step ends, so that secrets it sets are masked.
    public var holdsStepOutput: Bool { !interactive }

    public func note(_ text: String) { emit("\(paint("note:", .yellow)) \(text)\n") }

    public func cleanupStarted() { emit(paint("cleanup\n", .dim)) }

    public func tutorialFinished(_ result: TutorialResult) {
        for failure in result.cleanupFailures {
            emit("\(paint("cleanup failed:", .yellow)) \(failure.step.section): \(failure.message ?? "") \(paint("(\(failure.step.location))", .dim))\n")
        }
    }

    /// The closing table over every how-to of the run.
    public func summary(_ results: [TutorialResult]) {
        var lines = ["", paint("Summary", .bold)]
        let width = min(60, results.map(\.title.count).max() ?? 10)
        for r in results {
            let passed = r.steps.filter { $0.status == .passed }.count
            let verdict: String
            switch r.verdict {
            case .passed: verdict = paint("passed", .green)
            case .failed: verdict = paint("failed", .red)
            case .skipped: verdict = paint("skipped", .yellow)
            case .budgetExceeded: verdict = paint("budget exceeded", .red)
            case .interrupted: verdict = paint("interrupted", .red)
            case .notRunnable: verdict = paint("not verified", .yellow)
            }
            let title = r.title.count > width ? String(r.title.prefix(width - 1)) + "…" : r.title.padding(toLength: width, withPad: " ", startingAt: 0)
            var line = "  \(title)  \(verdict)  \(passed)/\(r.steps.count) steps  \(String(format: "%.2f s", r.seconds))"
            if let reason = r.skipReason { line += "  (\(reason))" }
            lines.append(line)
            if let failure = r.firstFailure {
                lines.append("    \(paint("first failure:", .red)) \(failure.step.location) \(failure.step.section): \(failure.message ?? "")")
            }
            for step in r.steps where step.status == .notRunnable {
                lines.append("    \(paint("not runnable here:", .yellow)) \(step.step.location) \(step.step.section): \(step.message ?? "")")
            }
        }
        let counts = Dictionary(grouping: results, by: \.verdict).mapValues(\.count)
        var total = "\(counts[.passed] ?? 0) passed, \((counts[.failed] ?? 0) + (counts[.budgetExceeded] ?? 0) + (counts[.interrupted] ?? 0)) failed, \(counts[.skipped] ?? 0) skipped"
        if let unverified = counts[.notRunnable] { total += ", \(unverified) not verified (checks that cannot run here)" }
        lines.append(total)
        emit(lines.joined(separator: "\n") + "\n")
    }

    private enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33"
    }

    private func paint(_ text: String, _ style: Style) -> String {
        colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    private func emit(_ text: String) {
        lock.withLock {
            write(text)
            if text.hasSuffix("\n") { lineOpen = false }
        }
    }
}
