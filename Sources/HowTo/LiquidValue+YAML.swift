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
