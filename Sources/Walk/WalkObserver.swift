import Foundation
import HowToPlan
import Runner

/// Streams the running step's output to the screen (masked, with a gutter); background services' later
/// output stays in their logs so it does not break into prompts. Quiet while earlier steps are replayed.
final class WalkObserver: RunObserver, @unchecked Sendable {
    private let screen: Screen
    private let lock = NSLock()
    private var current: String?
    private var quiet = false

    /// Not a terminal (a log): a step's output is shown when it ends, masked with the secrets it set.
    let holdsStepOutput = isatty(STDOUT_FILENO) != 1

    init(screen: Screen) {
        self.screen = screen
    }

    /// Streams the output of `stepID` from now on (nil: none).
    func follow(_ stepID: String?, quiet: Bool) {
        lock.withLock {
            current = stepID
            self.quiet = quiet
        }
    }

    func output(_ line: String, of step: Step) {
        let show = lock.withLock { !quiet && current == step.id }
        if show { screen.line("    " + screen.style.paint("│", .dim) + " " + line) }
    }

    func note(_ text: String) {
        screen.line(screen.style.paint("note:", .yellow) + " " + text)
    }

    func cleanupStarted() {
        screen.line(screen.style.paint("Cleaning up…", .dim))
    }
}
