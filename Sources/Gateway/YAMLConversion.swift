import BoundedYAML
import Yams

/// Converts between YAML text and ``GatewayJSON`` with YAML 1.1 core-schema typing (as decK reads files).
enum YAMLConversion {
    /// Parses one YAML (or JSON) document within `BoundedYAML`'s limits; an empty document is `.null`.
    static func parse(_ text: String) throws -> GatewayJSON {
        guard let node = try BoundedYAML.compose(text) else { return .null }
        return value(of: node)
    }

    private static func value(of node: Node) -> GatewayJSON {
        switch node {
        case .scalar:
            switch node.tag.description {
            case Tag.Name.null.rawValue: return .null
            case Tag.Name.bool.rawValue: return node.bool.map(GatewayJSON.bool) ?? .string(node.string ?? "")
            case Tag.Name.int.rawValue: return node.int.map(GatewayJSON.int) ?? .string(node.string ?? "")
            case Tag.Name.float.rawValue: return node.float.map(GatewayJSON.double) ?? .string(node.string ?? "")
            default: return .string(node.string ?? "")
            }
        case .mapping(let mapping):
            var object: [String: GatewayJSON] = [:]
            for (key, child) in mapping {
                object[key.string ?? ""] = value(of: child)
            }
            return .object(object)
        case .sequence(let sequence):
            return .array(sequence.map(value(of:)))
        case .alias:
            return .null
        }
    }

    /// YAML text for `value`, keys in `keyOrder` first then sorted.
    static func dump(_ value: GatewayJSON, keyOrder: [String] = []) throws -> String {
        try Yams.serialize(node: node(for: value, keyOrder: keyOrder), indent: 2)
    }

    private static func node(for value: GatewayJSON, keyOrder: [String]) -> Node {
        switch value {
        case .string(let s):
            return Node(s, .implicit, Node(s).tag.description == Tag.Name.str.rawValue && !s.isEmpty ? .any : .doubleQuoted)
        case .int(let i): return Node(String(i))
        case .double(let d): return Node(d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d))
        case .bool(let b): return Node(b ? "true" : "false")
        case .null: return Node("null")
        case .array(let a): return Node(a.map { node(for: $0, keyOrder: keyOrder) })
        case .object(let o):
            let ordered = keyOrder.filter { o[$0] != nil } + o.keys.filter { !keyOrder.contains($0) }.sorted()
            return Node(ordered.map { (Node($0), node(for: o[$0]!, keyOrder: keyOrder)) })
        }
    }
}
