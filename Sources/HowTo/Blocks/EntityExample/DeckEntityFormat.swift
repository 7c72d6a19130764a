import Foundation
import Yams

/// The decK file snippet (Kong's `presenters/deck.rb` and `format/snippets/deck.md`).
enum DeckEntityFormat: EntityExampleFormat {
    static let names = ["deck"]
    static let label = "decK"

    static func markdown(_ example: EntityExample, _ env: RenderEnvironment) -> String {
        let variables = example.variables.mapValues {
            EntityExamples.Variable(value: $0.value.hasPrefix("$") ? String($0.value.dropFirst()) : $0.value, literalBlock: $0.literalBlock)
        }
        let body = EntityExamples.deckData(.mapping(Node.Mapping([(Node(section(example.type)), .sequence([entity(example)]))])),
                                           variables: variables)
        return "\n\n```yaml\n_format_version: \"3.0\"\n\(body)```\n{: data-file=\"kong.yaml\" }\n\n"
    }

    /// The decK section an entity type goes in.
    private static func section(_ type: String) -> String {
        ["target": "upstreams", "sni": "certificates"][type] ?? type + "s"
    }

    /// The entry decK holds: a target inside an example upstream, a plugin with its target named.
    private static func entity(_ example: EntityExample) -> Node {
        let fields = example.data.mapping ?? [:]
        switch example.type {
        case "target":
            return KubernetesYAML.mapping([("name", Node("example_upstream")), ("targets", .sequence([example.data]))])
        case "sni":
            let snis = Node.Mapping(fields.filter { $0.key.string != "certificate" })
            return KubernetesYAML.mapping([
                ("id", fields["certificate"]?.mapping?["id"] ?? Node("~", Tag(.null))),
                ("cert", Node("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----")),
                ("key", Node("-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY")),
                ("snis", .sequence([.mapping(snis)])),
            ])
        case "plugin":
            let target = example.pluginTarget
            let config = fields["config"].flatMap { $0.mapping?.isEmpty == false ? $0 : nil }
            let targetValue = target.key == "global" ? nil : Node(target.value ?? EntityExample.placeholders[target.key] ?? "")
            return KubernetesYAML.mapping([
                ("name", fields["name"]), (target.key, targetValue),
                ("partials", fields["partials"].flatMap { $0.sequence?.isEmpty == false ? $0 : nil }),
                ("tags", fields["tags"].flatMap { $0.sequence?.isEmpty == false ? $0 : nil }),
                ("config", config), ("ordering", fields["ordering"]),
            ])
        default:
            return example.data
        }
    }
}
