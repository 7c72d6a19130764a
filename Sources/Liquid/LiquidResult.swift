public import Diagnostics

/// What rendering a template produced.
public struct LiquidResult: Sendable {
    /// The rendered text.
    public var output: String
    /// For each output line (count of `\n` in `output` plus one), the source file and line that
    /// produced it; the column is always 1.
    public var sourceLines: [SourceLocation]
    /// Syntax errors, unknown tags and handler failures, in the order found.
    public var diagnostics: [Diagnostic]
}
