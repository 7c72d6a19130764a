/// HTTP messages: the request line's method, header names, and a JSON body after the blank line.
struct HTTPLexer: LineLexer {
    private enum Part { case start, headers, body }
    private var part = Part.start
    private var body = JSONLexer()

    mutating func tokens(of line: [Unicode.Scalar]) -> [CodeToken] {
        switch part {
        case .start:
            guard !line.isEmpty else { return [] }
            part = .headers
            var scanner = LineScanner(line)
            let method = scanner.take { $0.isUppercase }
            guard !method.isEmpty, scanner.current == " " else { return [CodeToken(String(scalars: line), .plain)] }
            return [CodeToken(method, .command), CodeToken(scanner.rest(), .plain)]
        case .headers:
            guard !line.isEmpty else { part = .body; return [] }
            guard let colon = line.firstIndex(of: ":") else { return [CodeToken(String(scalars: line), .plain)] }
            return [CodeToken(String(scalars: line[..<colon]), .key), CodeToken(String(scalars: line[colon...]), .plain)]
        case .body:
            return body.tokens(of: line)
        }
    }
}
