import Diagnostics

/// A syntax error inside a tag's markup, at a byte offset of the template.
struct MarkupError: Error {
    var message: String
    var offset: Int
}

/// Parses the markup of an output or tag: expressions, filters, conditions and `name = value` pairs.
struct ExpressionParser {
    /// A word, string, number or symbol of markup.
    struct Lexeme {
        enum Kind { case identifier, string, number, symbol, end }
        var kind: Kind
        var text: String
        var offset: Int
    }

    private static let maxDepth = 16
    private let source: SourceText
    private let knownFilters: Set<String>
    private var lexemes: [Lexeme] = []
    private var position = 0
    /// Unknown filters found while parsing; they are left out of the result.
    private(set) var unknownFilters: [(name: String, offset: Int)] = []

    init(_ source: SourceText, range: Range<Int>, filters: Set<String> = []) throws(MarkupError) {
        self.source = source
        self.knownFilters = filters
        self.lexemes = try Self.lex(source, range)
    }

    var current: Lexeme { lexemes[position] }
    var atEnd: Bool { current.kind == .end }

    // MARK: Lexemes

    /// The length of the symbol at `i` (`..`, `==`, `!=`, `<>`, `<=`, `>=` or one of `<>.[]()|:,=`), if any.
    private static func symbolLength(_ b: [UInt8], at i: Int, end: Int) -> Int? {
        let next = i + 1 < end ? b[i + 1] : 0
        switch (b[i], next) {
        case (UInt8(ascii: "."), UInt8(ascii: ".")), (UInt8(ascii: "="), UInt8(ascii: "=")), (UInt8(ascii: "!"), UInt8(ascii: "=")),
             (UInt8(ascii: "<"), UInt8(ascii: ">")), (UInt8(ascii: "<"), UInt8(ascii: "=")), (UInt8(ascii: ">"), UInt8(ascii: "=")):
            return 2
        case (UInt8(ascii: "<"), _), (UInt8(ascii: ">"), _), (UInt8(ascii: "."), _), (UInt8(ascii: "["), _), (UInt8(ascii: "]"), _),
             (UInt8(ascii: "("), _), (UInt8(ascii: ")"), _), (UInt8(ascii: "|"), _), (UInt8(ascii: ":"), _), (UInt8(ascii: ","), _),
             (UInt8(ascii: "="), _):
            return 1
        default:
            return nil
        }
    }

    private static func lex(_ source: SourceText, _ range: Range<Int>) throws(MarkupError) -> [Lexeme] {
        let b = source.bytes
        var out: [Lexeme] = []
        var i = range.lowerBound
        func isDigit(_ j: Int) -> Bool { j < range.upperBound && b[j] >= 0x30 && b[j] <= 0x39 }
        while i < range.upperBound {
            let c = b[i]
            if c.isLiquidSpace { i += 1; continue }
            let start = i
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                i += 1
                while i < range.upperBound, b[i] != c { i += 1 }
                guard i < range.upperBound else { throw MarkupError(message: "string is never closed", offset: start) }
                out.append(Lexeme(kind: .string, text: source.string(start + 1..<i), offset: start))
                i += 1
            } else if isDigit(i) || (c == UInt8(ascii: "-") && isDigit(i + 1)) {
                i += 1
                while isDigit(i) { i += 1 }
                if i + 1 < range.upperBound, b[i] == UInt8(ascii: "."), isDigit(i + 1) {
                    i += 1
                    while isDigit(i) { i += 1 }
                }
                out.append(Lexeme(kind: .number, text: source.string(start..<i), offset: start))
            } else if c.isIdentifierByte {
                while i < range.upperBound, b[i].isIdentifierByte || b[i] == UInt8(ascii: "-") { i += 1 }
                if i < range.upperBound, b[i] == UInt8(ascii: "?") { i += 1 }
                out.append(Lexeme(kind: .identifier, text: source.string(start..<i), offset: start))
            } else if let length = symbolLength(b, at: i, end: range.upperBound) {
                i += length
                out.append(Lexeme(kind: .symbol, text: source.string(start..<i), offset: start))
            } else {
                let scalar = source.string(start..<min(start + 4, range.upperBound)).unicodeScalars.first.map(String.init) ?? "?"
                throw MarkupError(message: "unexpected character `\(scalar)`", offset: start)
            }
        }
        out.append(Lexeme(kind: .end, text: "", offset: range.upperBound))
        return out
    }

    // MARK: Helpers

    mutating func advance() -> Lexeme {
        let l = lexemes[position]
        if l.kind != .end { position += 1 }
        return l
    }

    /// Consumes the symbol or keyword `text` if it is next.
    mutating func accept(_ text: String) -> Bool {
        guard current.kind == .symbol || current.kind == .identifier, current.text == text else { return false }
        position += 1
        return true
    }

    mutating func expect(_ text: String) throws(MarkupError) {
        guard accept(text) else { throw unexpected(expected: "`\(text)`") }
    }

    func unexpected(expected: String) -> MarkupError {
        let found = atEnd ? "the end of the tag" : "`\(current.text)`"
        return MarkupError(message: "expected \(expected) but found \(found)", offset: current.offset)
    }

    func expectEnd() throws(MarkupError) {
        guard atEnd else { throw MarkupError(message: "unexpected `\(current.text)`", offset: current.offset) }
    }

    mutating func identifier() throws(MarkupError) -> String {
        guard current.kind == .identifier else { throw unexpected(expected: "a name") }
        return advance().text
    }

    /// A name, or a quoted one as Shopify Liquid takes in `{% capture "name" %}`.
    mutating func nameOrString() throws(MarkupError) -> String {
        if current.kind == .string { return String(advance().text.filter { $0 != "\"" && $0 != "'" }) }
        return try identifier()
    }

    // MARK: Grammar

    /// `expression (| filter (: arg (, arg)*)?)*`
    mutating func filtered() throws(MarkupError) -> FilteredExpression {
        let expression = try self.expression()
        var filters: [FilterCall] = []
        while accept("|") {
            let nameOffset = current.offset
            let name = try identifier()
            var arguments: [Expression] = []
            if accept(":") {
                repeat { arguments.append(try self.expression()) } while accept(",")
            }
            if knownFilters.contains(name) {
                filters.append(FilterCall(name: name, arguments: arguments, location: source.location(nameOffset)))
            } else {
                unknownFilters.append((name, nameOffset))
            }
        }
        return FilteredExpression(expression: expression, filters: filters)
    }

    /// A literal, a variable path or a range.
    mutating func expression(depth: Int = 0) throws(MarkupError) -> Expression {
        guard depth < Self.maxDepth else {
            throw MarkupError(message: "expression nested deeper than \(Self.maxDepth) levels", offset: current.offset)
        }
        let lexeme = current
        switch lexeme.kind {
        case .string:
            position += 1
            return .literal(.string(lexeme.text))
        case .number:
            position += 1
            if let i = Int(lexeme.text) { return .literal(.int(i)) }
            return .literal(Double(lexeme.text).map(LiquidValue.double) ?? .null)
        case .identifier:
            position += 1
            switch lexeme.text {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "nil", "null": return .literal(.null)
            case "empty": return .empty
            case "blank": return .blank
            default: return .variable(lexeme.text, try accessors(depth: depth))
            }
        case .symbol where lexeme.text == "(":
            position += 1
            let low = try expression(depth: depth + 1)
            try expect("..")
            let high = try expression(depth: depth + 1)
            try expect(")")
            return .range(low, high)
        case .symbol where lexeme.text == "[":
            position += 1
            let key = try expression(depth: depth + 1)
            try expect("]")
            return .variable("", [.index(key)] + (try accessors(depth: depth)))
        default:
            throw unexpected(expected: "a value")
        }
    }

    /// `.key`, `.0` and `[expression]` after a variable name.
    private mutating func accessors(depth: Int) throws(MarkupError) -> [Expression.Accessor] {
        var result: [Expression.Accessor] = []
        while true {
            if accept(".") {
                switch current.kind {
                case .identifier: result.append(.key(advance().text))
                case .number where !current.text.hasPrefix("-"):
                    // `a.0.1` lexes as `a`, `.`, `0.1`.
                    result += advance().text.split(separator: ".").map { .key(String($0)) }
                default: throw unexpected(expected: "a name after `.`")
                }
            } else if accept("[") {
                result.append(.index(try expression(depth: depth + 1)))
                try expect("]")
            } else {
                return result
            }
        }
    }

    /// `comparison ((and|or) comparison)*`
    mutating func condition() throws(MarkupError) -> Condition {
        var condition = Condition(comparisons: [try comparison()], conjunctions: [])
        while true {
            if accept("and") { condition.conjunctions.append(true) } else if accept("or") {
                condition.conjunctions.append(false)
            } else { break }
            condition.comparisons.append(try comparison())
        }
        try expectEnd()
        return condition
    }

    private mutating func comparison() throws(MarkupError) -> Condition.Comparison {
        let left = try expression()
        guard current.kind == .symbol || current.kind == .identifier,
              let op = Condition.Operator(rawValue: current.text)
        else { return Condition.Comparison(left: left) }
        position += 1
        return Condition.Comparison(left: left, comparison: (op, try expression()))
    }
}
