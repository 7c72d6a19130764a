public import Diagnostics

/// A custom tag handler: returns the tag's output. Throw a `Diagnostic`, a `DiagnosticError` or any
/// error (reported at the tag) to fail; the tag then renders nothing.
public typealias LiquidTag = @Sendable (LiquidTagCall) throws -> String

/// What a custom tag handler gets: `{% name arguments %}`.
public struct LiquidTagCall: Sendable {
    /// The tag's name.
    public var name: String
    /// Everything after the name, trimmed.
    public var arguments: String
    /// The variables at the tag.
    public var context: LiquidContext
    /// Where the tag's `{%` is.
    public var location: SourceLocation

    /// Creates a call (for testing handlers directly).
    public init(name: String, arguments: String, context: LiquidContext, location: SourceLocation) {
        self.name = name
        self.arguments = arguments
        self.context = context
        self.location = location
    }
}
