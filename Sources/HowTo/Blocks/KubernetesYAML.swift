import Foundation
import Yams

/// Kubernetes manifests as Kong's Ruby plugins print them (`to_yaml` without the `---` line, `deep_merge` of
/// defaults), for the `konnect_crd`, `httproute` and `operator_podtemplatespec_example` blocks.
enum KubernetesYAML {
    /// The YAML text of `node`, no document marker and no final newline.
    static func text(_ node: Node) -> String {
        ((try? Yams.serialize(node: node, indent: 2)) ?? "").trimmingCharacters(in: .newlines)
    }

    /// A string scalar, single-quoted when plain text would read back as another type (Psych quotes those too).
    static func string(_ value: String) -> Node {
        let plain = Node(value)
        return Resolver.default.resolveTag(of: plain) == .str ? plain : Node(value, Tag(.str), .singleQuoted)
    }

    /// A mapping from ordered pairs, leaving out nil values (Ruby's `compact`).
    static func mapping(_ pairs: [(String, Node?)]) -> Node {
        .mapping(Node.Mapping(pairs.compactMap { key, value in value.map { (Node(key), $0) } }))
    }

    /// Ruby's `deep_merge`: mappings merge key by key in `base`'s order (new keys after), anything else replaces.
    static func deepMerge(_ base: Node, _ overlay: Node) -> Node {
        guard var merged = base.mapping, let top = overlay.mapping else { return overlay }
        for (key, value) in top {
            merged[key] = merged[key].map { deepMerge($0, value) } ?? value
        }
        return .mapping(merged)
    }
}
