/// A language the highlighter knows, named as fences name it.
public enum CodeLanguage: String, Sendable, CaseIterable {
    case shell, yaml, json, hcl, http

    /// The language of a fence's first word (`sh`, `bash`, `yml`, `terraform`, ...); nil for any other.
    public init?(fence word: String) {
        switch word.lowercased() {
        case "sh", "bash", "shell", "zsh", "console", "shell-session": self = .shell
        case "yaml", "yml": self = .yaml
        case "json", "jsonc": self = .json
        case "hcl", "terraform", "tf": self = .hcl
        case "http": self = .http
        default: return nil
        }
    }

    /// A new lexer for one block of this language.
    func lexer() -> any LineLexer {
        switch self {
        case .shell: ShellLexer()
        case .yaml: YAMLLexer()
        case .json: JSONLexer()
        case .hcl: HCLLexer()
        case .http: HTTPLexer()
        }
    }
}

/// Splits one line of code into tokens; a lexer sees a block's lines in order and may carry state across them.
protocol LineLexer {
    /// The tokens of `line` (without its line break); their texts joined are the line.
    mutating func tokens(of line: [Unicode.Scalar]) -> [CodeToken]
}
