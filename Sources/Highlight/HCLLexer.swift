/// HCL (Vault policies and configuration): block types, attribute keys, strings, numbers, literal words, comments.
struct HCLLexer: LineLexer {
    mutating func tokens(of line: [Unicode.Scalar]) -> [CodeToken] {
        var scanner = LineScanner(line)
        var tokens: [CodeToken] = []
        var first = true
        while let c = scanner.current {
            if c == "#" || (c == "/" && scanner.peek() == "/") {
                tokens.append(CodeToken(scanner.rest(), .comment))
            } else if c == "\"" {
                tokens.append(CodeToken(scanner.quoted(escapes: true), .string))
                first = false
            } else if let number = scanner.number() {
                tokens.append(CodeToken(number, .number))
                first = false
            } else if c.isLetter || c == "_" {
                let word = scanner.take { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                var ahead = scanner.index
                while ahead < line.count, line[ahead] == " " { ahead += 1 }
                let next = ahead < line.count ? line[ahead] : nil
                let kind: CodeToken.Kind = ["true", "false", "null"].contains(word) ? .keyword
                    : next == "=" ? .key
                    : first && (next == "\"" || next == "{") ? .keyword : .plain
                tokens.append(CodeToken(word, kind))
                first = false
            } else {
                tokens.append(CodeToken(String(c), .plain))
                scanner.index += 1
            }
        }
        return tokens
    }
}
