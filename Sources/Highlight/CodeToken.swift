/// The Highlight module: code highlighting for the site (`<span class="hl-...">`) and the walk (terminal
/// colours) from one set of lexers: shell, YAML, JSON, HCL and HTTP, the languages Kong's how-tos use.
///
/// Hand-written: a highlighter needs only the lexical shape of a line, and no maintained Swift library
/// highlights these languages without a JavaScript runtime. Multi-line strings and heredoc bodies are
/// coloured line by line, which is good enough for reading.

/// One piece of highlighted code: its text and what it is.
public struct CodeToken: Sendable, Equatable {
    /// What a piece of code is, for its colour.
    public enum Kind: String, Sendable, CaseIterable {
        /// Nothing in particular (spaces, words, punctuation, line breaks).
        case plain
        /// The command word of a shell command, or an HTTP method.
        case command
        /// A shell option (`-f`, `--format=json`).
        case option
        /// A quoted string.
        case string
        /// A shell variable (`$VAULT_ADDR`, `${VAR}`).
        case variable
        /// A comment.
        case comment
        /// A shell operator (`|`, `&&`, `>`), a YAML list dash or document marker.
        case `operator`
        /// A mapping key: YAML, JSON and HCL keys, HTTP header names.
        case key
        /// A number.
        case number
        /// A literal word: `true`, `false`, `null`, an HCL block type.
        case keyword
    }

    /// The token's text.
    public var text: String
    /// What it is.
    public var kind: Kind

    /// A token.
    public init(_ text: String, _ kind: Kind) {
        self.text = text
        self.kind = kind
    }
}
