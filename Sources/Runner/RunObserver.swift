public import HowToPlan

/// Receives a run's progress as it happens (the console reporter, the walkthrough).
public protocol RunObserver: Sendable {
    /// A how-to starts.
    func tutorialStarted(_ plan: Plan)
    /// A step starts; `index` is 1-based, `total` counts the steps before cleanup.
    func stepStarted(_ step: Step, index: Int, total: Int)
    /// A step or service printed a line (secrets already masked).
    func output(_ line: String, of step: Step)
    /// A step ended.
    func stepFinished(_ result: StepResult, index: Int, total: Int)
    /// Something the reader should know (a skipped start step, an untested how-to named explicitly).
    func note(_ text: String)
    /// Cleanup starts.
    func cleanupStarted()
    /// A how-to ended.
    func tutorialFinished(_ result: TutorialResult)
    /// True when a step's output should reach `output(_:of:)` only once the step has ended, masked with the
    /// secrets the step set (a CI log, where nothing may leak); false to stream it live (a terminal).
    var holdsStepOutput: Bool { get }
}

extension RunObserver {
    public func tutorialStarted(_ plan: Plan) {}
    public func stepStarted(_ step: Step, index: Int, total: Int) {}
    public func output(_ line: String, of step: Step) {}
    public func stepFinished(_ result: StepResult, index: Int, total: Int) {}
    public func note(_ text: String) {}
    public func cleanupStarted() {}
    public func tutorialFinished(_ result: TutorialResult) {}
    public var holdsStepOutput: Bool { false }
}

/// An observer that ignores everything.
public struct SilentObserver: RunObserver {
    /// Creates one.
    public init() {}
}
