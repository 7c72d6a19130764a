import Diagnostics
import Foundation
import HowToPlan
import Runner

/// Holds a how-to's console output until it ends, so parallel jobs do not interleave.
final class BufferedObserver: RunObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    private var inner: ConsoleReporter!

    init() {
        inner = ConsoleReporter(colour: nil, interactive: false) { [unowned self] chunk in
            self.lock.withLock { self.text += chunk }
        }
    }

    func tutorialStarted(_ plan: Plan) { inner.tutorialStarted(plan) }
    func stepStarted(_ step: Step, index: Int, total: Int) { inner.stepStarted(step, index: index, total: total) }
    func output(_ line: String, of step: Step) { inner.output(line, of: step) }
    func stepFinished(_ result: StepResult, index: Int, total: Int) { inner.stepFinished(result, index: index, total: total) }
    func note(_ text: String) { inner.note(text) }
    func cleanupStarted() { inner.cleanupStarted() }

    func tutorialFinished(_ result: TutorialResult) {
        inner.tutorialFinished(result)
        let output = lock.withLock { text }
        StandardStream.output.write(output)
    }
}
