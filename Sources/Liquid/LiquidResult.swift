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

    /// Creates a result.
    public init(output: String, sourceLines: [SourceLocation], diagnostics: [Diagnostic]) {
        self.output = output
        self.sourceLines = sourceLines
        self.diagnostics = diagnostics
    }

    /// Whether `text` contains Liquid markup (`{{` or `{%`); text without it renders to itself.
    public static func hasMarkup(_ text: String) -> Bool {
        var afterBrace = false
        for byte in text.utf8 {
            if afterBrace, byte == UInt8(ascii: "{") || byte == UInt8(ascii: "%") { return true }
            afterBrace = byte == UInt8(ascii: "{")
        }
        return false
    }

    /// The result of rendering text that has no markup: the text itself, line for line.
    public static func verbatim(_ text: String, file: String, line: Int = 1) -> LiquidResult {
        let count = text.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        return LiquidResult(
            output: text, sourceLines: (0..<count).map { SourceLocation(file: file, line: line + $0) }, diagnostics: [])
    }
}
