/// Shell: the command word, options, quoted strings, variables, comments and operators. A heredoc's body
/// and a quoted string over several lines (Kong's `echo '...' | deck gateway apply -`) are lexed as YAML, as
/// in how-tos they nearly always hold a decK or Kubernetes file (or JSON, which reads well that way too).
struct ShellLexer: LineLexer {
    /// Whether the previous line ended with `\`, so this one goes on with the same command's arguments.
    private var continues = false
    /// The open heredoc: its delimiter, whether `<<-` lets it be indented with tabs, and its body's lexer.
    private var heredoc: (delimiter: String, tabs: Bool, body: YAMLLexer)?
    /// A heredoc this line opens; its body starts on the next line.
    private var opening: (delimiter: String, tabs: Bool)?
    /// The quote of a string still open at the end of the last line, and the lexer of its content.
    private var string: (quote: Unicode.Scalar, body: YAMLLexer)?

    mutating func tokens(of line: [Unicode.Scalar]) -> [CodeToken] {
        if var open = heredoc {
            let text = String(scalars: open.tabs ? line.drop { $0 == "\t" } : line[...])
            if text == open.delimiter {
                heredoc = nil
                return [CodeToken(String(scalars: line), .operator)]
            }
            defer { heredoc = open }
            return open.body.tokens(of: line)
        }
        var tokens: [CodeToken] = []
        var rest = line[...]
        if var open = string {
            guard let end = Self.closingQuote(open.quote, in: rest) else {
                defer { string = open }
                return open.body.tokens(of: line)
            }
            tokens = open.body.tokens(of: Array(rest[..<end])) + [CodeToken(String(open.quote), .string)]
            rest = rest[(end + 1)...]
            string = nil
            continues = true  // what follows the string is still the same command's
        }
        tokens += command(Array(rest))
        if let opening {
            heredoc = (opening.delimiter, opening.tabs, YAMLLexer())
            self.opening = nil
        }
        return tokens
    }

    /// One line of commands.
    private mutating func command(_ line: [Unicode.Scalar]) -> [CodeToken] {
        var scanner = LineScanner(line)
        var tokens: [CodeToken] = []
        var commandNext = !continues
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            if commandNext, !word.contains("=") {
                tokens.append(CodeToken(word, .command))
                commandNext = false
            } else if word.hasPrefix("-"), word != "-" {
                tokens.append(CodeToken(word, .option))
            } else {
                tokens.append(CodeToken(word, .plain))
            }
            word = ""
        }
        while let c = scanner.current {
            switch c {
            case "#" where word.isEmpty:
                flush()
                tokens.append(CodeToken(scanner.rest(), .comment))
            case "'", "\"":
                flush()
                let quoted = scanner.quoted(escapes: c == "\"")
                tokens.append(CodeToken(quoted, .string))
                if quoted.count < 2 || quoted.unicodeScalars.last != c { string = (c, YAMLLexer()) }
                commandNext = false
            case "$":
                flush()
                let start = scanner.index
                scanner.index += 1
                if scanner.current == "{" {
                    _ = scanner.take { $0 != "}" }
                    scanner.index = min(scanner.index + 1, scanner.chars.count)
                } else {
                    _ = scanner.take { $0.isLetter || $0.isNumber || $0 == "_" }
                }
                tokens.append(CodeToken(String(scalars: scanner.chars[start..<scanner.index]), .variable))
            case "<" where scanner.peek() == "<" && scanner.peek(2) == "<":
                flush()
                tokens.append(CodeToken("<<<", .operator))  // a here-string: the word after it is the input
                scanner.index += 3
            case "<" where scanner.peek() == "<":
                flush()
                scanner.index += 2
                let tabs = scanner.current == "-"
                if tabs { scanner.index += 1 }
                tokens.append(CodeToken(tabs ? "<<-" : "<<", .operator))
                tokens.append(CodeToken(scanner.take { $0 == " " }, .plain))
                let quote = scanner.current == "'" || scanner.current == "\"" ? scanner.current : nil
                if quote != nil { scanner.index += 1 }
                let word = scanner.take { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                if quote != nil, scanner.current == quote { scanner.index += 1 }
                let written = quote.map { String($0) + word + String($0) } ?? word
                tokens.append(CodeToken(written, .string))
                if !word.isEmpty { opening = (word, tabs) }
            case "|", "&", ";", ">", "<":
                flush()
                tokens.append(CodeToken(String(c), .operator))
                if c != ">" && c != "<" { commandNext = true }
                scanner.index += 1
            case " ", "\t":
                flush()
                tokens.append(CodeToken(String(c), .plain))
                scanner.index += 1
            default:
                word.unicodeScalars.append(c)
                scanner.index += 1
            }
        }
        flush()
        continues = line.last == "\\"
        return tokens
    }

    /// Where `quote` closes a string in `line` (a backslash escapes inside double quotes), nil when it does not.
    private static func closingQuote(_ quote: Unicode.Scalar, in line: ArraySlice<Unicode.Scalar>) -> Int? {
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == quote { return index }
            index += quote == "\"" && line[index] == "\\" ? 2 : 1
        }
        return nil
    }
}
