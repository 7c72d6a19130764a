/// Highlights a block of code: tokens whose texts, joined, are the code.
public enum Highlighter {
    /// The tokens of `code` in `language`, line breaks as plain tokens, neighbours of one kind merged.
    public static func tokens(_ code: String, language: CodeLanguage) -> [CodeToken] {
        var tokens: [CodeToken] = []
        for (index, line) in lines(code, language: language).enumerated() {
            if index > 0 { append(CodeToken("\n", .plain), to: &tokens) }
            for token in line { append(token, to: &tokens) }
        }
        return tokens
    }

    /// The tokens of each line of `code` (split at line breaks, which no token holds), neighbours merged.
    public static func lines(_ code: String, language: CodeLanguage) -> [[CodeToken]] {
        var lexer = language.lexer()
        return code.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var tokens: [CodeToken] = []
            for token in lexer.tokens(of: Array(line.unicodeScalars)) where !token.text.isEmpty { append(token, to: &tokens) }
            return tokens
        }
    }

    private static func append(_ token: CodeToken, to tokens: inout [CodeToken]) {
        if let last = tokens.last, last.kind == token.kind {
            tokens[tokens.count - 1].text += token.text
        } else {
            tokens.append(token)
        }
    }
}
