/// JSON: keys (a string followed by `:`), string values, numbers, `true`, `false` and `null`.
struct JSONLexer: LineLexer {
    mutating func tokens(of line: [Unicode.Scalar]) -> [CodeToken] {
        var scanner = LineScanner(line)
        var tokens: [CodeToken] = []
        while let c = scanner.current {
            if c == "\"" {
                let string = scanner.quoted(escapes: true)
                var ahead = scanner.index
                while ahead < line.count, line[ahead] == " " { ahead += 1 }
                tokens.append(CodeToken(string, ahead < line.count && line[ahead] == ":" ? .key : .string))
            } else if let number = scanner.number() {
                tokens.append(CodeToken(number, .number))
            } else if c.isLetter {
                let word = scanner.take { $0.isLetter }
                tokens.append(CodeToken(word, ["true", "false", "null"].contains(word) ? .keyword : .plain))
            } else {
                tokens.append(CodeToken(String(c), .plain))
                scanner.index += 1
            }
        }
        return tokens
    }
}
