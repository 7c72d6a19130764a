public import Diagnostics

/// One executable unit of a how-to: a shell block, a background service, a decK apply or a validation.
public struct Step: Sendable, Hashable, Codable {
    /// What the runner does with a step.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Run the script in the session and wait for it.
        case shell
        /// Start the script in its own process group and wait for its readiness probe.
        case background
        /// A `{% entity_examples %}` block: the script pipes decK YAML to `deck gateway apply -`.
        case deckApply = "deck-apply"
        /// A `{% validation %}` block: an assertion.
        case validation
        /// A step whose exported values come from a provider in tests (`provider=NAME`).
        case provider
    }

    /// Where in the how-to the step comes from.
    public enum Phase: String, Sendable, Hashable, Codable {
        case prerequisite, body, cleanup
    }

    /// A stable id within the plan, e.g. `s3` (the 3rd step); used by `--from` and reports.
    public var id: String
    /// The heading of the section the step sits in.
    public var section: String
    /// What kind of step this is.
    public var kind: Kind
    /// Prerequisite, body or cleanup.
    public var phase: Phase
    /// The shell text to run (for validations: the command that produces the checked output).
    public var script: String
    /// Settings from the info string or the IAL.
    public var attributes: StepAttributes
    /// The assertion, for validation steps.
    public var validation: Validation?
    /// Where the block starts in the source.
    public var location: SourceLocation

    /// Creates a step.
    public init(
        id: String, section: String, kind: Kind, phase: Phase = .body, script: String,
        attributes: StepAttributes = StepAttributes(), validation: Validation? = nil, location: SourceLocation
    ) {
        self.id = id
        self.section = section
        self.kind = kind
        self.phase = phase
        self.script = script
        self.attributes = attributes
        self.validation = validation
        self.location = location
    }
}
