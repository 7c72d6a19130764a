import GoValues
import Foundation

/// Field access over a decoded request body, with Vault's loose typing (CLI sends every value as a string).
struct RequestFields: Sendable {
    var members: [(String, JSONValue)]

    subscript(_ key: String) -> JSONValue? {
        members.last { $0.0 == key }?.1
    }

    func has(_ key: String) -> Bool { members.contains { $0.0 == key } }

    func string(_ key: String) -> String? {
        switch self[key] {
        case let .string(s)?: return s
        case let .number(n)?: return n
        case let .bool(b)?: return b ? "true" : "false"
        default: return nil
        }
    }

    /// A comma-separated string or a list, as Vault's `TypeCommaStringSlice`.
    func list(_ key: String) -> [String]? {
        switch self[key] {
        case let .string(s)?:
            return s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case let .array(items)?:
            return items.compactMap { item -> String? in
                switch item {
                case let .string(s): return s.trimmingCharacters(in: .whitespaces)
                default: return item.intValue.map(String.init)
                }
            }
        case .null?: return []
        default: return nil
        }
    }

    func bool(_ key: String) -> Bool? {
        switch self[key] {
        case let .bool(b)?: return b
        case let .string(s)?: return ["true", "1", "t", "T", "TRUE", "True"].contains(s) ? true : (["false", "0", "f", "F", "FALSE", "False", ""].contains(s) ? false : nil)
        case let .number(n)?: return Int(n).map { $0 != 0 }
        default: return nil
        }
    }

    func int(_ key: String) -> Int? {
        switch self[key] {
        case .number?: return self[key]?.truncatedIntValue
        case let .string(s)?: return Int(s)
        default: return nil
        }
    }

    /// Seconds from a duration field.
    func seconds(_ key: String) -> Int? { GoDuration.seconds(self[key]) }
}
