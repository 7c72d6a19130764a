extension LiquidValue {
    /// The value as JSON in Ruby's `JSON.pretty_generate` layout (two-space indent, `"key": value`), keys sorted.
    public func prettyJSON(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .null: return "null"
        case let .bool(value): return value ? "true" : "false"
        case let .int(value): return String(value)
        case let .double(value): return value.isFinite ? String(value) : "null"
        case let .string(value): return Self.jsonString(value)
        case let .array(values):
            guard !values.isEmpty else { return "[]" }
            return "[\n" + values.map { inner + $0.prettyJSON(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case let .dictionary(values):
            guard !values.isEmpty else { return "{}" }
            let pairs = values.keys.sorted().map { inner + Self.jsonString($0) + ": " + values[$0]!.prettyJSON(indent: inner) }
            return "{\n" + pairs.joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
