import Liquid
import Yams

extension LiquidValue {
    /// The value of a composed YAML node, with YAML's own scalar typing (ints, floats, booleans, null).
    init(yaml node: Node) {
        switch node {
        case let .scalar(scalar):
            switch YAMLReader.kind(node) {
            case .null: self = .null
            case .bool: self = node.bool.map(LiquidValue.bool) ?? .string(scalar.string)
            case .int: self = node.int.map(LiquidValue.int) ?? .string(scalar.string)
            case .float: self = node.float.map(LiquidValue.double) ?? .string(scalar.string)
            default: self = .string(scalar.string)
            }
        case let .sequence(sequence): self = .array(sequence.map(LiquidValue.init(yaml:)))
        case let .mapping(mapping):
            var dictionary: [String: LiquidValue] = [:]
            for (key, value) in mapping { dictionary[key.scalar?.string ?? ""] = LiquidValue(yaml: value) }
            self = .dictionary(dictionary)
        case let .alias(alias): self = .string(alias.anchor.rawValue)
        }
    }
}

extension LiquidValue {
    /// The value as a YAML node, mapping keys sorted with `name` first (a dictionary keeps no order).
    var yamlNode: Node {
        switch self {
        case .null: return Node("null", Tag(.null))
        case let .bool(value): return Node(value ? "true" : "false", Tag(.bool))
        case let .int(value): return Node(String(value), Tag(.int))
        case let .double(value): return Node(String(value), Tag(.float))
        case let .string(value): return Node(value, Tag(.str))
        case let .array(values): return Node(values.map(\.yamlNode))
        case let .dictionary(values):
            let keys = values.keys.sorted { ($0 == "name" ? 0 : 1, $0) < ($1 == "name" ? 0 : 1, $1) }
            return Node(keys.map { (Node($0, Tag(.str)), values[$0]!.yamlNode) })
        }
    }
}
