public import Foundation

/// A JSON value as Kong holds it: decK files, the gateway state and Vault's answers, decoded as Kong's cjson
/// decodes them into Lua tables (keys unordered, integers and other numbers apart for Kong's schema checks).
/// Vault's own Go view of JSON (number text kept, key order kept) is `GoValues.JSONValue`; the two differ on
/// purpose, as Kong and Vault do.
public enum GatewayJSON: Sendable, Hashable, Codable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([GatewayJSON])
    case object([String: GatewayJSON])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? container.decode(Int.self) {
            self = .int(i)
        } else if let d = try? container.decode(Double.self) {
            self = .double(d)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([GatewayJSON].self) {
            self = .array(a)
        } else {
            self = .object(try container.decode([String: GatewayJSON].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let s): try container.encode(s)
        case .int(let i): try container.encode(i)
        case .double(let d): try container.encode(d)
        case .bool(let b): try container.encode(b)
        case .null: try container.encodeNil()
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The members, if this is an object.
    public var objectValue: [String: GatewayJSON]? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [GatewayJSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The member named `key`, if this is an object that has it.
    public subscript(key: String) -> GatewayJSON? {
        objectValue?[key]
    }

    /// Lua's name for this value's type, as Kong writes it in its messages.
    public var luaTypeName: String {
        switch self {
        case .string: "string"
        case .int, .double: "number"
        case .bool: "boolean"
        case .null: "userdata"
        case .array, .object: "table"
        }
    }

    /// Compact JSON text with sorted keys and unescaped slashes.
    public func jsonText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "null"
    }

    /// Parses JSON text.
    public static func parse(_ data: Data) throws -> GatewayJSON {
        try JSONDecoder().decode(GatewayJSON.self, from: data)
    }
}

extension GatewayJSON: ExpressibleByStringLiteral {
    /// A string value from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
}
