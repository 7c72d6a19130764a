import Foundation
import Yams

/// The decK file snippet (Kong's `presenters/deck.rb` and `format/snippets/deck.md`).
enum DeckEntityFormat: EntityExampleFormat {
    static let labels = ["deck": "decK"]

    static func markdown(_ example: EntityExample, _ env: RenderEnvironment) -> String {
        // Kong's `DeckData` replacer works on the data, before the dump: `$X` in a value becomes `DECK_X`.
        let data = example.substituted { variable in
            variable.value.map { "${{ env \"\($0.replacingOccurrences(of: "$", with: "DECK_"))\" }}" }
        }
        let file = Node.Mapping([(Node(section(example.type)), .sequence([entity(example, data)]))])
        let body = EntityExamples.deckLines(.mapping(file)).joined(separator: "\n")
        return "\n\n```yaml\n_format_version: \"3.0\"\n\(body)\n```\n{: data-file=\"kong.yaml\" }\n\n"
    }

    /// The decK section an entity type goes in.
    private static func section(_ type: String) -> String {
        ["target": "upstreams", "sni": "certificates"][type] ?? type + "s"
    }

    /// The entry decK holds: a target inside an example upstream, a plugin with its target named.
    private static func entity(_ example: EntityExample, _ data: Node) -> Node {
        let fields = data.mapping ?? [:]
        switch example.type {
        case "target":
            return KubernetesYAML.mapping([("name", Node("example_upstream")), ("targets", .sequence([data]))])
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
            let targetValue = target.key == "global" ? nil : Node(target.value ?? EntityExample.placeholders[target.key] ?? "")
            return KubernetesYAML.mapping([
                ("name", fields["name"]), (target.key, targetValue),
                ("partials", fields["partials"].flatMap { $0.sequence?.isEmpty == false ? $0 : nil }),
                ("tags", fields["tags"].flatMap { $0.sequence?.isEmpty == false ? $0 : nil }),
                ("config", fields["config"]), ("ordering", fields["ordering"]),
            ])
        default:
            return data
        }
    }
}
