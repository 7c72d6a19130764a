import Foundation
import GoValues

/// `-format=yaml`: the CLI marshals its JSON through ghodss/yaml and go-yaml v2, so keys are sorted,
/// lists sit at their key's indentation, and a string is quoted only when it would read back as something
/// else. Yams would emit valid YAML with other quoting and indentation; this follows go-yaml's rules
/// (`encode.go` `stringv`, libyaml's scalar analysis) so the text matches the real CLI's.
extension JSONValue {
    /// The value as go-yaml v2 prints it, without the final newline.
    func goYAML() -> String {
        var lines: [String] = []
        Self.emit(self, indent: 0, into: &lines, prefix: nil)
        return lines.joined(separator: "\n")
    }

    /// `prefix`: the `key:` or `- ` that starts the first line, nil at the top level.
    private static func emit(_ value: JSONValue, indent: Int, into lines: inout [String], prefix: String?) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case let .object(members) where !members.isEmpty:
            let sorted = members.sorted { $0.0 < $1.0 }
            for (index, (key, member)) in sorted.enumerated() {
                // The first member of a map inside a list shares the `- ` line.
                let head = index == 0 && prefix == "- " ? String(repeating: " ", count: max(0, indent - 2)) + "- " : pad
                let keyText = scalar(key) + ":"
                switch member {
                case let .object(inner) where !inner.isEmpty:
                    lines.append(head + keyText)
                    emit(member, indent: indent + 2, into: &lines, prefix: nil)
                case let .array(items) where !items.isEmpty:
                    lines.append(head + keyText)
                    emit(member, indent: indent, into: &lines, prefix: nil)
                default:
                    appendScalar(member, head: head + keyText + " ", indent: indent + 2, into: &lines)
                }
            }
        case let .array(items) where !items.isEmpty:
            for item in items {
                switch item {
                case let .object(inner) where !inner.isEmpty:
                    emit(item, indent: indent + 2, into: &lines, prefix: "- ")
                case let .array(inner) where !inner.isEmpty:
                    lines.append(pad + "-")
                    emit(item, indent: indent + 2, into: &lines, prefix: nil)
                default:
                    appendScalar(item, head: pad + "- ", indent: indent + 2, into: &lines)
                }
            }
        default:
            appendScalar(value, head: prefix.map { pad + $0 } ?? pad, indent: indent + 2, into: &lines)
        }
    }

    private static func appendScalar(_ value: JSONValue, head: String, indent: Int, into lines: inout [String]) {
        if case let .string(text) = value, text.contains("\n") {
            // Literal block style: `|-` strips the final newline, `|` keeps one, `|+` keeps several.
            let trailing = text.reversed().prefix { $0 == "\n" }.count
            let chomp = trailing == 0 ? "|-" : (trailing == 1 ? "|" : "|+")
            let indicator = text.first == " " ? "2" : ""
            lines.append(head + chomp + indicator)
            let body = trailing == 0 ? text : String(text.dropLast(trailing == 1 ? 1 : 0))
            let pad = String(repeating: " ", count: indent)
            for line in body.components(separatedBy: "\n") { lines.append(line.isEmpty ? "" : pad + line) }
            return
        }
        lines.append(head + scalarValue(value))
    }

    private static func scalarValue(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .number(n): return n
        case let .string(s): return scalar(s)
        case .object: return "{}"
        case .array: return "[]"
        }
    }

    /// A string as go-yaml writes it: plain, single-quoted when plain would be misread, double-quoted when
    /// it would resolve to another type (number, bool, null, timestamp) or holds special characters.
    static func scalar(_ text: String) -> String {
        // An empty plain scalar reads back as null, so go-yaml quotes it.
        if text.isEmpty || resolvesToNonString(text) { return doubleQuoted(text) }
        if text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) { return doubleQuoted(text) }
        if plainAllowed(text) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    private static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// go-yaml's `resolve`: plain text that reads back as null, a bool, a number or a timestamp.
    private static func resolvesToNonString(_ text: String) -> Bool {
        if text.isEmpty { return false }
        let lower = text.lowercased()
        if ["~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "-.inf", "+.inf", ".nan", "<<"].contains(lower) { return true }
        let numeric = #"^[-+]?(0|[1-9][0-9_]*|0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+)$|^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*([eE][-+]?[0-9]+)$|^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$"#
        if text.range(of: numeric, options: .regularExpression) != nil, text != "." { return true }
        let timestamp = #"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]*)?(Z|[-+][0-9]{1,2}:[0-9]{2})?)?$"#
        return text.range(of: timestamp, options: .regularExpression) != nil
    }

    /// libyaml's scalar analysis for block context: no leading or trailing space, no indicator first, no
    /// `: ` or ` #` inside, not a document marker.
    private static func plainAllowed(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if first == " " || last == " " || first == "\t" || last == "\t" { return false }
        if text.hasPrefix("---") || text.hasPrefix("...") { return false }
        if "#,[]{}&*!|>'\"%@`".contains(first) { return false }
        let chars = Array(text)
        if first == "-" || first == "?" || first == ":" {
            if chars.count == 1 || chars[1] == " " { return false }
        }
        for i in chars.indices {
            if chars[i] == ":", i + 1 == chars.count || chars[i + 1] == " " { return false }
            if chars[i] == "#", i > 0, chars[i - 1] == " " { return false }
        }
        return true
    }
}
