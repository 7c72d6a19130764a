/// A JSON value as Vault's Go code decodes it, on the server and in the CLI: numbers keep their literal text
/// (both decode with `UseNumber`), objects keep their key order, and a repeated key's last value wins on
/// lookup, as it does in the Go map the JSON lands in.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// An integer.
    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A floating-point number, written as Go's `encoding/json` writes integral values (no `.0`).
    public static func double(_ value: Double) -> JSONValue {
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int(value))) }
        return .number(String(value))
    }

    /// An object with keys sorted, as Go encodes a map.
    public static func sorted(_ dict: [String: JSONValue]) -> JSONValue {
        .object(dict.sorted { $0.key < $1.key })
    }

    /// A list of strings.
    public static func strings(_ values: [String]) -> JSONValue {
        .array(values.map { .string($0) })
    }

    /// The member named `key` of an object (the last one, when the key repeats).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.0 == key }?.1
    }

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The integer, if this is a number written as one (`json.Number.Int64`).
    public var intValue: Int? {
        if case .number(let n) = self { return Int(n) }
        return nil
    }

    /// The number as a double, if this is a number (`json.Number.Float64`).
    public var doubleValue: Double? {
        if case .number(let n) = self { return Double(n) }
        return nil
    }

    /// The number with any fraction dropped, as Go's `int(f)` of a float64 (nil when it does not fit).
    public var truncatedIntValue: Int? {
        if let i = intValue { return i }
        guard let d = doubleValue, d.isFinite, abs(d) < 9.2e18 else { return nil }
        return Int(d)
    }

    /// The boolean, if this is one.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The members in order, if this is an object.
    public var objectValue: [(String, JSONValue)]? {
        if case .object(let m) = self { return m }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// True for `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The object with `key` set (replaced in place or appended); other values unchanged.
    public func setting(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case var .object(members) = self else { return self }
        if let i = members.lastIndex(where: { $0.0 == key }) { members[i].1 = value } else { members.append((key, value)) }
        return .object(members)
    }

    /// The object without `key`; other values unchanged.
    public func removing(_ key: String) -> JSONValue {
        guard case .object(let m) = self else { return self }
        return .object(m.filter { $0.0 != key })
    }

    /// This value with every object's keys sorted, as Go marshals `map[string]any`.
    public func sortedKeys() -> JSONValue {
        switch self {
        case .object(let m): .object(m.sorted { $0.0 < $1.0 }.map { ($0.0, $0.1.sortedKeys()) })
        case .array(let a): .array(a.map { $0.sortedKeys() })
        default: self
        }
    }
}

extension JSONValue: Equatable {
    /// Equal as the Go values they decode to: numbers by value, objects as maps (order ignored, last key wins).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b || (Double(a).map { $0 == Double(b) } ?? false)
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)):
            Dictionary(a, uniquingKeysWith: { $1 }) == Dictionary(b, uniquingKeysWith: { $1 })
        default: false
        }
    }
}
