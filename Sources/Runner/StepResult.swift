public import HowToPlan

/// What happened to one step.
public struct StepResult: Sendable, Hashable, Codable {
    /// The verdict of a step.
    public enum Status: String, Sendable, Hashable, Codable {
        case passed, failed, skipped
        case timedOut = "timed-out"
        /// A check that needs what howto does not emulate (a gateway proxy, Kubernetes, gRPC): neither passed nor skipped.
        case notRunnable = "not-runnable"
    }

    /// The step that ran.
    public var step: Step
    /// How it ended.
    public var status: Status
    /// Wall time in seconds.
    public var seconds: Double
    /// Its output, secrets masked.
    public var output: String
    /// Why it failed (expected vs actual), or why it was skipped.
    public var message: String?
    /// How many times it ran (more than 1 with `retry=`).
    public var attempts: Int

    /// Creates a result.
    public init(step: Step, status: Status, seconds: Double = 0, output: String = "", message: String? = nil, attempts: Int = 1) {
        self.step = step
        self.status = status
        self.seconds = seconds
        self.output = output
        self.message = message
        self.attempts = attempts
    }
}
