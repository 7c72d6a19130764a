import Foundation
import Yams

extension Node {
    /// The node as a JSONSerialization object (scalars typed as `YAMLReader.kind` types them), or nil when it
    /// has no JSON form: a key that is not a scalar, or a float that is not finite.
    ///
    /// Yams' own `any` force-unwraps mapping keys as strings and traps on `? {a: b} : c`.
    var jsonObject: Any? {
        switch self {
        case let .scalar(scalar):
            switch YAMLReader.kind(self) {
            case .null: return NSNull()
            case .bool: return bool ?? scalar.string
            case .int: return int ?? scalar.string
            case .float: return float.flatMap { $0.isFinite ? $0 : nil }
            default: return scalar.string
            }
        case let .sequence(sequence):
            var items: [Any] = []
            for item in sequence {
                guard let value = item.jsonObject else { return nil }
                items.append(value)
            }
            return items
        case let .mapping(mapping):
            var object: [String: Any] = [:]
            for (key, value) in mapping {
                guard let name = key.scalar?.string, let json = value.jsonObject else { return nil }
                object[name] = json
            }
            return object
        case .alias:
            return nil
        }
    }
}
