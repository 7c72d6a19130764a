import Foundation

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

    /// A JSON string literal, as Foundation's encoder writes it (slashes left alone, as Ruby does).
    private static func jsonString(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}
