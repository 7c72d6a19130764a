import Foundation
import Yams

/// Writes YAML the way Ruby's Psych (`YAML.dump`) does, so decK snippets match Kong's docs byte for byte.
///
/// Hand-written because the quoting rules are Psych's, not libyaml's defaults that Yams uses: a string
/// that starts with a non-word character and holds no `"` is double-quoted; a string that would read
/// back as a number, boolean, null or date is single-quoted; multi-line strings are literal blocks.
/// Sequences inside mappings sit at the key's indentation (Psych's style). Long plain scalars are not
/// folded at 80 columns (libyaml would).
enum PsychYAML {
    /// The document body (no `---` line), each line ending in `\n`.
    static func dump(_ node: Node) -> String {
        var out = ""
        emit(node, indent: 0, into: &out)
        return out
    }

    private static func emit(_ node: Node, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch node {
        case let .mapping(mapping):
            if mapping.isEmpty { out += pad + "{}\n"; return }
            for (key, value) in mapping {
                out += pad + scalarText(key) + ":"
                emitValue(value, parentIndent: indent, sequenceIndent: indent, into: &out)
            }
        case let .sequence(sequence):
            if sequence.isEmpty { out += pad + "[]\n"; return }
            for item in sequence {
                out += pad + "-"
                switch item {
                case let .mapping(mapping) where !mapping.isEmpty:
                    var first = true
                    for (key, value) in mapping {
                        out += (first ? " " : String(repeating: " ", count: indent + 2)) + scalarText(key) + ":"
                        emitValue(value, parentIndent: indent + 2, sequenceIndent: indent + 2, into: &out)
                        first = false
                    }
                case let .sequence(inner) where !inner.isEmpty:
                    out += "\n"
                    emit(item, indent: indent + 2, into: &out)
                default:
                    emitValue(item, parentIndent: indent, sequenceIndent: indent + 2, into: &out)
                }
            }
        default:
            out += pad + scalarText(node) + "\n"
        }
    }

    /// Writes what follows `key:` (or `-`): an inline scalar, or a nested block on the next lines.
    private static func emitValue(_ value: Node, parentIndent: Int, sequenceIndent: Int, into out: inout String) {
        switch value {
        case let .mapping(mapping) where !mapping.isEmpty:
            out += "\n"
            emit(value, indent: parentIndent + 2, into: &out)
        case let .sequence(sequence) where !sequence.isEmpty:
            out += "\n"
            emit(value, indent: sequenceIndent, into: &out)
        case .mapping: out += " {}\n"
        case .sequence: out += " []\n"
        default:
            if let scalar = value.scalar, YAMLReader.kind(value) == .str, let block = literalBlock(scalar.string, indent: parentIndent + 2) {
                out += " " + block
            } else {
                let text = scalarText(value)
                out += (text.isEmpty ? "" : " " + text) + "\n"
            }
        }
    }

    /// A `|`/`|-` block for strings with inner newlines, or nil.
    private static func literalBlock(_ string: String, indent: Int) -> String? {
        let body = string.hasSuffix("\n") ? String(string.dropLast()) : string
        guard body.utf8.contains(10) else { return nil }
        let pad = String(repeating: " ", count: indent)
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }
        return (string.hasSuffix("\n") ? "|\n" : "|-\n") + lines.joined(separator: "\n") + "\n"
    }

    /// A scalar as Psych writes it.
    static func scalarText(_ node: Node) -> String {
        guard let scalar = node.scalar else { return "" }
        switch YAMLReader.kind(node) {
        case .null: return ""
        case .bool: return node.bool.map { $0 ? "true" : "false" } ?? scalar.string
        case .int: return node.int.map(String.init) ?? scalar.string
        case .float: return scalar.string
        default: return string(scalar.string)
        }
    }

    /// A string scalar as Psych writes it.
    static func string(_ s: String) -> String {
        if s == "y" || s == "Y" || s == "n" || s == "N" { return doubleQuoted(s) }
        if let first = s.unicodeScalars.first, !isWord(first), !s.utf8.contains(UInt8(ascii: "\"")) { return doubleQuoted(s) }
        if readsAsNonString(s) || looksLikeBadOctal(s) { return singleQuoted(s) }
        return plainAllowed(s) ? s : singleQuoted(s)
    }

    private static func isWord(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// Psych's ScalarScanner: would this text load back as something other than a string?
    private static func readsAsNonString(_ s: String) -> Bool {
        if s.isEmpty || nonStrings.contains(s) { return true }
        let chars = Array(s.utf8)
        if chars[0] == UInt8(ascii: ":") && chars.count > 1 { return true }
        if isDate(chars) { return true }
        var body = chars[...]
        if body.first == UInt8(ascii: "-") || body.first == UInt8(ascii: "+") { body = body.dropFirst() }
        if [".inf", ".Inf", ".INF"].contains(String(decoding: body, as: UTF8.self)) { return true }
        guard let first = body.first else { return false }
        let lower = String(decoding: body.prefix(2), as: UTF8.self)
        if lower == "0x" || lower == "0b" { return body.count > 2 }
        let digitsOrSeparators = { (c: UInt8) in isDigit(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: ",") }
        guard let dot = body.firstIndex(of: UInt8(ascii: ".")) else {
            return isDigit(first) && body.allSatisfy(digitsOrSeparators)
        }
        let whole = body[..<dot], fraction = body[(dot + 1)...]
        guard whole.isEmpty || (isDigit(whole.first!) && whole.allSatisfy(digitsOrSeparators)) else { return false }
        let digits = fraction.prefix(while: isDigit)
        let exponent = fraction.dropFirst(digits.count)
        guard !exponent.isEmpty else { return true }
        let e = Array(exponent)
        return e.count >= 3 && (e[0] == UInt8(ascii: "e") || e[0] == UInt8(ascii: "E"))
            && (e[1] == UInt8(ascii: "-") || e[1] == UInt8(ascii: "+")) && e[2...].allSatisfy(isDigit)
    }

    private static let nonStrings: Set<String> = [
        "~", "null", "Null", "NULL", ".nan", ".NaN", ".NAN",
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    /// `YYYY-M-D...`, which Psych reads as a date or time.
    private static func isDate(_ c: [UInt8]) -> Bool {
        guard c.count >= 8, c[0..<4].allSatisfy(isDigit), c[4] == UInt8(ascii: "-") else { return false }
        let month = c[5...].prefix(while: isDigit)
        guard (1...2).contains(month.count), month.endIndex < c.count, c[month.endIndex] == UInt8(ascii: "-") else { return false }
        let day = c[(month.endIndex + 1)...].prefix(while: isDigit)
        guard (1...2).contains(day.count) else { return false }
        return day.endIndex == c.count || [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(c[day.endIndex])
    }

    /// `0[0-7]*[89]...`: Psych quotes these so they do not look like broken octals.
    private static func looksLikeBadOctal(_ s: String) -> Bool {
        let c = Array(s.utf8)
        guard c.first == UInt8(ascii: "0") else { return false }
        let rest = c.dropFirst().drop { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }
        return rest.first == UInt8(ascii: "8") || rest.first == UInt8(ascii: "9")
    }

    /// libyaml's check for a plain scalar in block context.
    private static func plainAllowed(_ s: String) -> Bool {
        guard let first = s.first, let last = s.last else { return false }
        if first == " " || last == " " || s.utf8.contains(where: { $0 == 10 || $0 == 9 }) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
        if s.containsBytes(": ") || s.containsBytes(" #") || last == ":" { return false }
        return true
    }

    private static func doubleQuoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    private static func singleQuoted(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
