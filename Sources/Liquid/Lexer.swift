import Diagnostics

/// A piece of a template: literal text, an output tag `{{ }}` or a tag `{% %}`.
struct Token: Sendable {
    enum Kind: Sendable { case text, output, tag }
    var kind: Kind
    /// Text: the literal bytes. Output and tag: the markup between the delimiters and dashes.
    var range: Range<Int>
    /// The whole token, delimiters included.
    var outer: Range<Int>
    /// `{{-` / `{%-`: strip whitespace before the token.
    var trimLeft = false
    /// `-}}` / `-%}`: strip whitespace after the token.
    var trimRight = false
}

/// Splits a template into tokens. Never fails: an unclosed `{{` or `{%` is reported and kept as text.
struct Lexer {
    let source: SourceText
    private(set) var tokens: [Token] = []
    private(set) var diagnostics: [Diagnostic] = []

    private static let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), percent = UInt8(ascii: "%")
    private static let dash = UInt8(ascii: "-")

    init(_ source: SourceText) {
        self.source = source
        lex()
        applyWhitespaceControl()
    }

    private var bytes: [UInt8] { source.bytes }

    /// Whether a `{{` or `{%` starts at `i`.
    private func opensTag(_ i: Int) -> Bool {
        i + 1 < bytes.count && bytes[i] == Self.open && (bytes[i + 1] == Self.open || bytes[i + 1] == Self.percent)
    }

    private mutating func lex() {
        let n = bytes.count
        var i = 0
        var textStart = 0
        while i + 1 < n {
            guard opensTag(i) else { i += 1; continue }
            guard let token = scanTag(at: i) else {
                let what = bytes[i + 1] == Self.open ? "`{{` is never closed with `}}`" : "`{%` is never closed with `%}`"
                diagnostics.append(.error(at: source.location(i), "\(what); it is kept as text"))
                i += 2
                continue
            }
            if textStart < i { tokens.append(Token(kind: .text, range: textStart..<i, outer: textStart..<i)) }
            tokens.append(token)
            i = token.outer.upperBound
            if token.kind == .tag {
                let name = source.tagParts(token.range).name
                if name == "raw" { i = skipVerbatim(from: i, until: "endraw", nesting: nil, keepBody: true) }
                if name == "comment" { i = skipVerbatim(from: i, until: "endcomment", nesting: "comment", keepBody: false) }
            }
            textStart = i
        }
        if textStart < n { tokens.append(Token(kind: .text, range: textStart..<n, outer: textStart..<n)) }
    }

    /// The output or tag starting at `start`, or nil if it is not closed before the next `{%` (or `{{` for outputs).
    private func scanTag(at start: Int) -> Token? {
        let isOutput = bytes[start + 1] == Self.open
        let closer = isOutput ? Self.close : Self.percent
        var j = start + 2
        while j + 1 < bytes.count {
            let b = bytes[j]
            if b == closer, bytes[j + 1] == Self.close {
                var token = Token(kind: isOutput ? .output : .tag, range: start + 2..<j, outer: start..<j + 2)
                if token.range.lowerBound < j, bytes[start + 2] == Self.dash {
                    token.trimLeft = true
                    token.range = start + 3..<j
                }
                if token.range.lowerBound < token.range.upperBound, bytes[j - 1] == Self.dash {
                    token.trimRight = true
                    token.range = token.range.lowerBound..<j - 1
                }
                return token
            }
            if b == Self.open, bytes[j + 1] == Self.percent || (isOutput && bytes[j + 1] == Self.open) { return nil }
            j += 1
        }
        return nil
    }

    /// After `raw` or `comment`: emits the body (as text, or not at all) and the closing tag, skipping
    /// any Liquid inside. Without a closing tag it emits nothing and lexing continues normally.
    private mutating func skipVerbatim(from start: Int, until end: String, nesting: String?, keepBody: Bool) -> Int {
        var depth = 0
        var i = start
        while i + 1 < bytes.count {
            guard bytes[i] == Self.open, bytes[i + 1] == Self.percent, let tag = scanTag(at: i) else { i += 1; continue }
            let name = source.tagParts(tag.range).name
            if name == nesting { depth += 1 } else if name == end {
                if depth == 0 {
                    if keepBody, start < i { tokens.append(Token(kind: .text, range: start..<i, outer: start..<i)) }
                    tokens.append(tag)
                    return tag.outer.upperBound
                }
                depth -= 1
            }
            i = tag.outer.upperBound
        }
        return start
    }

    /// Strips whitespace next to `{%-`, `-%}`, `{{-` and `-}}`.
    private mutating func applyWhitespaceControl() {
        for k in tokens.indices where tokens[k].kind == .text {
            var range = tokens[k].range
            if k > 0, tokens[k - 1].trimRight {
                while range.lowerBound < range.upperBound, bytes[range.lowerBound].isLiquidSpace {
                    range = range.lowerBound + 1..<range.upperBound
                }
            }
            if k + 1 < tokens.count, tokens[k + 1].trimLeft {
                while range.lowerBound < range.upperBound, bytes[range.upperBound - 1].isLiquidSpace {
                    range = range.lowerBound..<range.upperBound - 1
                }
            }
            tokens[k].range = range
        }
    }
}

extension UInt8 {
    /// Space, tab, newline, carriage return, vertical tab or form feed.
    var isLiquidSpace: Bool { self == 0x20 || (self >= 0x09 && self <= 0x0D) }
    /// A byte that may appear in a tag name or a variable name.
    var isIdentifierByte: Bool {
        (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
            || (self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9")) || self == UInt8(ascii: "_")
    }
}
