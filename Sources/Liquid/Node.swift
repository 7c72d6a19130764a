import Diagnostics

/// A parsed template element.
indirect enum Node: Sendable {
    /// Literal text; the location is that of its first character.
    case text(String, SourceLocation)
    /// `{{ expression | filters }}`
    case output(FilteredExpression, SourceLocation)
    /// `if`/`elsif`/`else` (or `unless`, whose first condition is negated).
    case conditional(branches: [(Condition, [Node])], otherwise: [Node], negateFirst: Bool)
    /// `for name in collection`
    case loop(Loop)
    /// `assign name = value | filters`
    case assign(String, FilteredExpression)
    /// `capture name` ... `endcapture`
    case capture(String, [Node])
    /// `include path key=value`
    case include(path: String, parameters: [(String, Expression)], SourceLocation)
    /// A registered custom tag.
    case tag(name: String, arguments: String, SourceLocation)
    /// A registered custom block; `rawBody` is the unrendered source between the tags.
    case block(name: String, arguments: String, body: [Node], rawBody: String, bodyLocation: SourceLocation, SourceLocation)
    /// Nodes rendered in place (the body of an unknown or unclosed block).
    case sequence([Node])

    /// A parsed `for` tag.
    struct Loop: Sendable {
        var variable: String
        var collection: Expression
        var limit: Expression?
        var offset: Expression?
        var reversed: Bool
        var body: [Node]
        var otherwise: [Node]
        var location: SourceLocation
    }
}
