/// A value a template can read: what YAML front matter, site data and assigns hold.
public enum LiquidValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([LiquidValue])
    case dictionary([String: LiquidValue])

    /// Liquid truthiness: only `nil` and `false` are false; `""`, `0` and `[]` are true.
    public var isTruthy: Bool {
        switch self {
        case .null, .bool(false): false
        default: true
        }
    }

    /// The text this value renders as (`nil` is empty, arrays concatenate, dictionaries list sorted keys).
    public var text: String {
        switch self {
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .string(let s): s
        case .array(let a): a.map(\.text).joined()
        case .dictionary(let d):
            "{" + d.keys.sorted().map { "\"\($0)\"=>\(d[$0]!.inspected)" }.joined(separator: ", ") + "}"
        }
    }

    /// The value as it appears inside a rendered dictionary: strings quoted.
    private var inspected: String {
        switch self {
        case .string(let s): "\"\(s)\""
        case .null: "nil"
        case .array(let a): "[" + a.map(\.inspected).joined(separator: ", ") + "]"
        default: text
        }
    }

    /// The value as a list: arrays as they are, dictionaries as sorted `[key, value]` pairs, nil as empty.
    public var elements: [LiquidValue] {
        switch self {
        case .null: []
        case .array(let a): a
        case .dictionary(let d): d.keys.sorted().map { .array([.string($0), d[$0]!]) }
        default: [self]
        }
    }

    /// Whether this is an empty string, array or dictionary (Liquid's `empty`).
    public var isEmpty: Bool {
        switch self {
        case .string(let s): s.isEmpty
        case .array(let a): a.isEmpty
        case .dictionary(let d): d.isEmpty
        default: false
        }
    }

    /// Whether this is nil, false, empty or only whitespace (Liquid's `blank`).
    public var isBlank: Bool {
        switch self {
        case .null, .bool(false): true
        case .string(let s): s.allSatisfy(\.isWhitespace)
        default: isEmpty
        }
    }

    /// The value as a number, if it is one or is a string holding one.
    public var number: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        case .string(let s): Double(s.trimmingLiquidSpace())
        default: nil
        }
    }

    /// The value as an integer, if it is a whole number or a string holding one.
    public var integer: Int? {
        switch self {
        case .int(let i): i
        case .double(let d) where d.rounded(.towardZero) == d && abs(d) < 1e18: Int(d)
        case .string(let s): Int(s.trimmingLiquidSpace())
        default: nil
        }
    }

    /// Reads `key` of a dictionary, an integer index (negative counts from the end) of an array,
    /// or `size`, `first` and `last`; anything else is nil.
    public subscript(key: LiquidValue) -> LiquidValue {
        switch (self, key) {
        case (.dictionary(let d), .string(let k)):
            if let v = d[k] { return v }
            return k == "size" ? .int(d.count) : .null
        case (.array(let a), .int(let i)):
            let index = i < 0 ? a.count + i : i
            return a.indices.contains(index) ? a[index] : .null
        case (.array(let a), .string(let k)):
            if let i = Int(k) { return self[.int(i)] }
            switch k {
            case "size": return .int(a.count)
            case "first": return a.first ?? .null
            case "last": return a.last ?? .null
            default: return .null
            }
        case (.string(let s), .string("size")):
            return .int(s.count)
        case (.dictionary(let d), _):
            return d[key.text] ?? .null
        default:
            return .null
        }
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    func trimmingLiquidSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
