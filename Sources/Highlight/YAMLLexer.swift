/// YAML: keys, list dashes and document markers, quoted strings, numbers and literal words, comments.
struct YAMLLexer: LineLexer {
    mutating func tokens(of line: [Unicode.Scalar]) -> [CodeToken] {
        var scanner = LineScanner(line)
        var tokens = [CodeToken(scanner.take { $0 == " " || $0 == "\t" }, .plain)]
        let text = String(scalars: line)
        if text == "---" || text == "..." { return [CodeToken(text, .operator)] }
        while scanner.current == "-", scanner.peek() == " " || scanner.peek() == nil {
            tokens.append(CodeToken("-", .operator))
            scanner.index += 1
            tokens.append(CodeToken(scanner.take { $0 == " " }, .plain))
        }
        if scanner.current == "#" { return tokens + [CodeToken(scanner.rest(), .comment)] }
        // A key: up to the first `:` followed by a space or the end, outside quotes.
        if let colon = Self.keyColon(in: scanner.chars, from: scanner.index) {
            tokens.append(CodeToken(String(scalars: scanner.chars[scanner.index..<colon]), .key))
            tokens.append(CodeToken(":", .plain))
            scanner.index = colon + 1
            tokens.append(CodeToken(scanner.take { $0 == " " }, .plain))
        }
        tokens += Self.value(&scanner)
        return tokens
    }

    /// The index of the `:` that ends a plain or quoted key starting at `start`, nil when the line has none.
    private static func keyColon(in chars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        if index < chars.count, chars[index] == "\"" || chars[index] == "'" {
            let quote = chars[index]
            index += 1
            while index < chars.count, chars[index] != quote { index += 1 }
            index += 1
            return index < chars.count && chars[index] == ":" && (index + 1 == chars.count || chars[index + 1] == " ") ? index : nil
        }
        while index < chars.count {
            let c = chars[index]
            if c == "#" && index > start && chars[index - 1] == " " { return nil }
            if c == "{" || c == "[" || c == "\"" || c == "'" || c == "|" || c == ">" { return nil }
            if c == ":" && (index + 1 == chars.count || chars[index + 1] == " ") { return index > start ? index : nil }
            index += 1
        }
        return nil
    }

    /// A value: a quoted string, a number or literal word, or plain text, with a comment after it.
    private static func value(_ scanner: inout LineScanner) -> [CodeToken] {
        guard let c = scanner.current else { return [] }
        var tokens: [CodeToken] = []
        if c == "\"" || c == "'" {
            tokens.append(CodeToken(scanner.quoted(escapes: c == "\""), .string))
        } else {
            var text = ""
            while let c = scanner.current, !(c == "#" && text.last == " ") {
                text.unicodeScalars.append(c)
                scanner.index += 1
            }
            let trimmed = text.trimmingTrailingSpaces
            let kind: CodeToken.Kind = ["true", "false", "null", "~", "yes", "no"].contains(trimmed) ? .keyword
                : Double(trimmed) != nil ? .number : .plain
            tokens.append(CodeToken(trimmed, kind))
            tokens.append(CodeToken(String(text.dropFirst(trimmed.count)), .plain))
        }
        if scanner.current == "#" || scanner.current == " " {
            tokens.append(CodeToken(scanner.take { $0 == " " }, .plain))
            if scanner.current == "#" { tokens.append(CodeToken(scanner.rest(), .comment)) }
        }
        if !scanner.atEnd { tokens.append(CodeToken(scanner.rest(), .plain)) }
        return tokens
    }
}

extension String {
    /// The text without the spaces at its end.
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}
