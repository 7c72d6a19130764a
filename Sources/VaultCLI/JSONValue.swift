/// A JSON value as the Go Vault client sees it: numbers keep their literal text
/// (Go decodes with `UseNumber`) and objects keep the server's key order.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// The value of `key` when this is an object.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.0 == key })?.1
    }

    /// The string payload, if this is a string.
    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The integer payload, if this is an integral number.
    var intValue: Int? {
        if case .number(let n) = self { return Int(n) }
        return nil
    }

    /// The boolean payload, if this is a boolean.
    var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The members, if this is an object.
    var objectValue: [(String, JSONValue)]? {
        if case .object(let m) = self { return m }
        return nil
    }

    /// The elements, if this is an array.
    var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// True for `null`.
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// A copy of this object with `key` removed (no-op for non-objects).
    func removing(_ key: String) -> JSONValue {
        guard case .object(let m) = self else { return self }
        return .object(m.filter { $0.0 != key })
    }
}
