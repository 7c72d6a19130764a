import Highlight

/// Highlighted code in terminal colours: the same tokens the site colours with CSS.
struct CodePainter {
    let style: TerminalStyle

    /// One line's tokens, painted (plain text when colour is off).
    func paint(_ tokens: [CodeToken]) -> String {
        guard style.colour else { return tokens.map(\.text).joined() }
        return tokens.map { token in
            switch token.kind {
            case .plain: token.text
            case .command: style.paint(token.text, .bold, .yellow)
            case .option, .key: style.paint(token.text, .blue)
            case .string: style.paint(token.text, .green)
            case .variable, .number: style.paint(token.text, .cyan)
            case .comment: style.paint(token.text, .dim)
            case .operator, .keyword: style.paint(token.text, .magenta)
            }
        }.joined()
    }
}
