/// What happened when one how-to ran.
public struct TutorialResult: Sendable, Hashable, Codable {
    /// The overall verdict.
    public enum Verdict: String, Sendable, Hashable, Codable {
        case passed, failed, skipped
        /// The whole-run budget ran out.
        case budgetExceeded = "budget-exceeded"
        /// The run was stopped by SIGINT/SIGTERM.
        case interrupted
        /// Every step that could run passed, and some checks could not run here.
        case notRunnable = "not-runnable"
    }

    /// A background service's log, kept for the report.
    public struct ServiceLog: Sendable, Hashable, Codable {
        public var stepID: String
        public var name: String
        public var log: String
    }

    /// The how-to's path.
    public var file: String
    /// Its title.
    public var title: String
    /// The verdict.
    public var verdict: Verdict
    /// Why it was skipped, when it was.
    public var skipReason: String?
    /// Notes for the reader of the report (explicitly named untested how-to, skipped start steps...).
    public var notes: [String]
    /// Results of the prerequisite, body and validation steps, in order.
    public var steps: [StepResult]
    /// Results of the cleanup steps and background stops, in the order they ran.
    public var cleanup: [StepResult]
    /// Logs of background services.
    public var services: [ServiceLog]
    /// The session's variables at the end, secrets masked.
    public var variables: [String: String]
    /// Wall time in seconds.
    public var seconds: Double

    /// Creates a result.
    public init(
        file: String, title: String, verdict: Verdict, skipReason: String? = nil, notes: [String] = [], steps: [StepResult] = [],
        cleanup: [StepResult] = [], services: [ServiceLog] = [], variables: [String: String] = [:], seconds: Double = 0
    ) {
        self.file = file
        self.title = title
        self.verdict = verdict
        self.skipReason = skipReason
        self.notes = notes
        self.steps = steps
        self.cleanup = cleanup
        self.services = services
        self.variables = variables
        self.seconds = seconds
    }

    /// The first failing step, if any.
    public var firstFailure: StepResult? {
        steps.first { $0.status == .failed || $0.status == .timedOut }
    }

    /// Cleanup steps that failed (reported separately; they never hide the first failure).
    public var cleanupFailures: [StepResult] {
        cleanup.filter { $0.status == .failed || $0.status == .timedOut }
    }
}
