public import HowTo
public import Runner

/// How a walk runs: the run configuration plus the walk's own choices.
public struct WalkSettings: Sendable {
    /// The runner configuration (mock or live Vault, providers, timeouts).
    public var configuration: RunConfiguration
    /// `--fixtures`: providers and the mock Vault supply what the reader would.
    public var fixtures: Bool
    /// `--yes`: run every step without asking; stop at the first failure as `howto test` does.
    public var assumeYes: Bool
    /// `--resume`: continue from the saved progress.
    public var resume: Bool
    /// `--from N`: start at step N (1-based), running the earlier ones silently first.
    public var from: Int?
    /// Where progress is kept.
    public var store: WalkProgressStore
    /// The reader's environment (editor, values already exported).
    public var environment: [String: String]
    /// The command that resumes this walk, for the messages.
    public var resumeCommand: String
    /// Product display names (`gateway` → "Kong Gateway") from the site data.
    public var productNames: ProductNames

    /// Creates settings.
    public init(
        configuration: RunConfiguration, fixtures: Bool, assumeYes: Bool, resume: Bool, from: Int?,
        store: WalkProgressStore, environment: [String: String], resumeCommand: String, productNames: ProductNames
    ) {
        self.configuration = configuration
        self.fixtures = fixtures
        self.assumeYes = assumeYes
        self.resume = resume
        self.from = from
        self.store = store
        self.environment = environment
        self.resumeCommand = resumeCommand
        self.productNames = productNames
    }
}

/// Why a walk could not start.
public enum WalkError: Error, CustomStringConvertible {
    /// `--resume` with no saved progress.
    case nothingToResume(String)
    /// The how-to changed since the progress was saved.
    case changedSinceSaved(String)
    /// `--from` outside the plan.
    case noSuchStep(Int, Int)
    /// The progress file cannot be read or written.
    case progress(String, String)
    /// The run could not be prepared.
    case preparation(String)

    public var description: String {
        switch self {
        case let .nothingToResume(file): "nothing to resume: no saved progress for \(file); start with `howto walk \(file)`"
        case let .changedSinceSaved(file): "\(file) changed since the progress was saved; start over with `howto walk \(file)` (the old progress is replaced)"
        case let .noSuchStep(n, total): "--from \(n): the how-to has steps 1 to \(total)"
        case let .progress(path, why): "cannot use the progress file \(path): \(why)"
        case let .preparation(why): "could not prepare the walk: \(why)"
        }
    }
}
