/// Go's `fmt` verbs applied to decoded JSON, as the Vault CLI prints table cells.
extension JSONValue {
    /// `fmt.Sprintf("%v", v)` of the Go value this JSON decodes to
    /// (`map[k:v]` with sorted keys, `[a b]`, `<nil>`, numbers verbatim).
    public var goDescription: String {
        switch self {
        case .null: "<nil>"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n
        case .string(let s): s
        case .array(let a): "[" + a.map(\.goDescription).joined(separator: " ") + "]"
        case .object(let m):
            "map[" + m.sorted { $0.0 < $1.0 }.map { "\($0.0):\($0.1.goDescription)" }.joined(separator: " ") + "]"
        }
    }

    /// `fmt.Sprintf("%q", []string)` of a JSON array of strings (`["a" "b"]`); `[]` for null.
    public var goQuotedList: String {
        let items = arrayValue ?? []
        return "[" + items.map { Self.goStringQuote($0.stringValue ?? $0.goDescription) }.joined(separator: " ") + "]"
    }

    /// Go's `strconv.Quote` for the printable-ASCII strings Vault uses.
    public static func goStringQuote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
