public import Foundation

/// A JSON syntax error, worded as Go's `encoding/json` decoder words it (`invalid character 'x' looking for
/// beginning of value`, `unexpected EOF`).
public struct JSONSyntaxError: Error, CustomStringConvertible {
    /// Go's message.
    public let description: String
}

extension JSONValue {
    /// Parses the first JSON value in `text`, as a Go `json.Decoder` does (what follows it is not read).
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(Array(text.utf8))
        return try parser.parseDocument()
    }

    /// Parses the first JSON value in raw bytes.
    public static func parse(bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes)
        return try parser.parseDocument()
    }

    /// Parses the first JSON value in `data`.
    public static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        try parse(bytes: Array(data))
    }
}

/// The byte scanner behind `JSONValue.parse`: Go's token order and error texts, numbers kept as written.
private struct JSONParser {
    private typealias Failure = JSONSyntaxError

    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        skipSpace()
        guard index < bytes.count else { throw Failure(description: "EOF") }
        return try parseValue()
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private func quoted(_ c: UInt8) -> String {
        if c == UInt8(ascii: "'") { return "'\\''" }
        if c == UInt8(ascii: "\"") { return "'\"'" }
        if c >= 0x20 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        return "'\\x\(String(c, radix: 16))'"
    }

    private mutating func peek() throws(JSONSyntaxError) -> UInt8 {
        skipSpace()
        guard index < bytes.count else { throw Failure(description: "unexpected EOF") }
        return bytes[index]
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        let c = try peek()
        switch c {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw Failure(description: "invalid character \(quoted(c)) looking for beginning of value")
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        for expected in word.utf8 {
            guard index < bytes.count else { throw Failure(description: "unexpected EOF") }
            let c = bytes[index]
            if c != expected {
                throw Failure(description: "invalid character \(quoted(c)) in literal \(word) (expecting \(quoted(expected)))")
            }
            index += 1
        }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if Double(text) != nil { return .number(text) }
        throw Failure(description: "invalid character \(quoted(bytes[start])) looking for beginning of value")
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1
        var out = [UInt8]()
        while true {
            guard index < bytes.count else { throw Failure(description: "unexpected EOF") }
            let c = bytes[index]
            index += 1
            if c == UInt8(ascii: "\"") { break }
            if c == UInt8(ascii: "\\") {
                guard index < bytes.count else { throw Failure(description: "unexpected EOF") }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count,
                          let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                    else { throw Failure(description: "invalid character in string escape code") }
                    index += 4
                    var scalarValue = code
                    if (0xD800..<0xDC00).contains(code), index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
                       let low = UInt32(String(decoding: bytes[index + 2..<index + 6], as: UTF8.self), radix: 16) {
                        scalarValue = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    }
                    out.append(contentsOf: Array(String(Unicode.Scalar(scalarValue).map(Character.init) ?? "\u{FFFD}").utf8))
                default: out.append(e)
                }
            } else {
                out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var items = [JSONValue]()
        if try peek() == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            items.append(try parseValue())
            let c = try peek()
            index += 1
            if c == UInt8(ascii: ",") { continue }
            if c == UInt8(ascii: "]") { return .array(items) }
            throw Failure(description: "invalid character \(quoted(c)) after array element")
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var members = [(String, JSONValue)]()
        if try peek() == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            let keyStart = try peek()
            // Go's token stream parses whatever sits at a key position as a value first.
            guard case let .string(key) = try parseValue() else {
                throw Failure(description: "invalid character \(quoted(keyStart)) looking for beginning of object key string")
            }
            let colon = try peek()
            guard colon == UInt8(ascii: ":") else {
                throw Failure(description: "invalid character \(quoted(colon)) after object key")
            }
            index += 1
            members.append((key, try parseValue()))
            let c = try peek()
            index += 1
            if c == UInt8(ascii: ",") { continue }
            if c == UInt8(ascii: "}") { return .object(members) }
            throw Failure(description: "invalid character \(quoted(c)) after object key:value pair")
        }
    }
}
