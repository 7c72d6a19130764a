public import Diagnostics

/// A custom block handler: returns the block's output. Throw a `Diagnostic`, a `DiagnosticError` or
/// any error (reported at the opening tag) to fail; the block then renders nothing.
public typealias LiquidBlock = @Sendable (LiquidBlockCall) throws -> String

/// What a custom block handler gets: `{% name arguments %}body{% endname %}`.
public struct LiquidBlockCall: Sendable {
    /// The block's name.
    public var name: String
    /// Everything after the name in the opening tag, trimmed.
    public var arguments: String
    /// The body, already rendered (nested tags and blocks expanded).
    public var body: String
    /// The body's source text, unrendered.
    public var rawBody: String
    /// Where the body starts (just after the opening tag's `%}`).
    public var bodyLocation: SourceLocation
    /// The variables at the block.
    public var context: LiquidContext
    /// Where the opening tag's `{%` is.
    public var location: SourceLocation

    /// Creates a call (for testing handlers directly).
    public init(name: String, arguments: String, body: String, rawBody: String, bodyLocation: SourceLocation,
                context: LiquidContext, location: SourceLocation) {
        self.name = name
        self.arguments = arguments
        self.body = body
        self.rawBody = rawBody
        self.bodyLocation = bodyLocation
        self.context = context
        self.location = location
    }
}
