/// The ordered, executable steps of one how-to for one deployment topology.
public struct Plan: Sendable, Hashable, Codable {
    /// The how-to's path, as given by the user.
    public var file: String
    /// The how-to's title (front matter, Liquid rendered).
    public var title: String
    /// The topology the plan was made for (`on-prem` by default).
    public var topology: Topology
    /// The lowest gateway version per product (`min_version`), e.g. `["gateway": "3.13"]`.
    public var minVersion: [String: String]
    /// False when the front matter says `automated_tests: false`.
    public var automatedTests: Bool
    /// Prerequisite, body and validation steps, in reading order.
    public var steps: [Step]
    /// Cleanup steps from the front matter's `cleanup`, in reading order (run last in, first out).
    public var cleanup: [Step]

    /// Creates a plan.
    public init(
        file: String, title: String, topology: Topology = .onPrem, minVersion: [String: String] = [:],
        automatedTests: Bool = true, steps: [Step], cleanup: [Step] = []
    ) {
        self.file = file
        self.title = title
        self.topology = topology
        self.minVersion = minVersion
        self.automatedTests = automatedTests
        self.steps = steps
        self.cleanup = cleanup
    }

    /// Whether anything would run (a how-to with no runnable step is an error, not a green run).
    public var isRunnable: Bool { !steps.isEmpty }
}
