/// The process exit codes of every `howto` command (ARCHITECTURE.md, "Errors and exit codes").
public enum RunExit {
    public static let passed: Int32 = 0
    public static let failed: Int32 = 1
    public static let badInput: Int32 = 2
    public static let internalError: Int32 = 3
    public static let budgetExceeded: Int32 = 4
    /// Stopped by SIGINT/SIGTERM (128 + SIGINT, as shells report it).
    public static let interrupted: Int32 = 130

    /// Each code and what it means, as `howto --help` lists them.
    public static let meanings: [(code: Int32, meaning: String)] = [
        (passed, "pass"), (failed, "a step or validation failed"), (badInput, "bad input"), (internalError, "internal error"),
        (budgetExceeded, "run budget exceeded"), (interrupted, "interrupted"),
    ]

    /// The exit code for a run's results; a how-to with checks that could not run fails unless `allowUnrunnable`.
    public static func code(for results: [TutorialResult], allowUnrunnable: Bool = false) -> Int32 {
        let verdicts = Set(results.map(\.verdict))
        if verdicts.contains(.interrupted) { return interrupted }
        if verdicts.contains(.budgetExceeded) { return budgetExceeded }
        if verdicts.contains(.failed) { return failed }
        if verdicts.contains(.notRunnable), !allowUnrunnable { return failed }
        return passed
    }
}
