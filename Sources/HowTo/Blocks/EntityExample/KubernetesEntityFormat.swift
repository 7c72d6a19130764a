import Foundation
import WebText
import Yams

/// The Kong custom resource piped to `kubectl apply`, then the annotations that attach a plugin to its targets
/// (Kong's `presenters/kic.rb` and `format/kic.md`; `kic` and `operator` share it).
enum KubernetesEntityFormat: EntityExampleFormat {
    static let labels = ["kic": "KIC", "operator": "Operator"]
    /// The data keys that name the resources a plugin attaches to, in Kong's order (`FOREIGN_KEYS`).
    static let foreignKeys = ["kongservice", "kongroute", "service", "route", "consumer", "consumer_group", "global"]

    /// The resource and what annotating it needs.
    struct Resource {
        var yaml: String
        var name: String
        /// Target kinds as Kong names them (`Service`, `Route`, `Kongservice`, `ConsumerGroup`), in order.
        var targets: [String] = []
        /// Kind → the resource name the data gave.
        var targetNames: [String: String] = [:]
        /// `other_plugins`, with the comma that joins it to this plugin.
        var otherPlugins: String?
        var skipAnnotate = false
    }

    static func markdown(_ example: EntityExample, _ env: RenderEnvironment) -> String {
        let resource = resource(example)
        // Planned with the annotations that follow it, so a run applies the resource before annotating its targets.
        var out = "\n\n```yaml\necho \"\n\(resource.yaml)\n\" | kubectl apply -f -\n```\n{: data-test-step=\"block\" }\n"
        guard example.type == "plugin", !resource.targets.isEmpty, !resource.skipAnnotate else { return out + "\n" }
        out += "\nNext, apply the `KongPlugin` resource by annotating the \(targetsText(resource.targets)):\n\n"
        let plugins = "konghq.com/plugins=\(resource.otherPlugins ?? "")\(resource.name)"
        if resource.targets[0] == "Route" {
            let route = resource.targetNames["Route"] ?? ""
            let tabs = [("Gateway API", "httproute"), ("Ingress", "ingress")].map { title, kind in
                (title: title, slug: JekyllSlug.slug(title), markdown: "```bash\nkubectl annotate -n kong \(kind) \(route) \(plugins)\n```\n")
            }
            return out + NavtabsBlock.markdown(group: "api", tabs: tabs, at: example.location, env) + "\n"
        }
        let commands = resource.targets.map { key in
            "kubectl annotate -n kong \(kubectlKind(key)) \(resource.targetNames[key] ?? key.uppercased() + "_NAME") \(plugins)"
                + (resource.otherPlugins == nil ? "" : " --overwrite")
        }
        return out + "```bash\n\(commands.joined(separator: "\n"))\n```\n\n"
    }

    /// The custom resource: `Kong<Type>` (a plugin without targets is a `KongClusterPlugin`), Kong's metadata, the
    /// entity's fields merged in (a vault's go under `spec`), as Ruby's `to_yaml` prints it with `"` turned into `'`.
    static func resource(_ example: EntityExample) -> Resource {
        var fields = example.substitutedData.mapping ?? [:]
        func take(_ key: String) -> Node? {
            defer { fields[Node(key)] = nil }
            return fields[key]
        }
        var resource = Resource(yaml: "", name: "")
        let tags = take("tags")?.sequence?.compactMap(\.string)
        if fields["skip_annotate"]?.bool == true {  // Kong removes it only when set
            resource.skipAnnotate = take("skip_annotate") != nil
        }
        for key in foreignKeys {
            guard let value = take(key) else { continue }
            let kind = rubyCamelCase(key)
            if let name = EntityExample.name(value) { resource.targetNames[kind] = name }
            if key != "global", !resource.targets.contains(kind) { resource.targets.append(kind) }
        }
        resource.otherPlugins = take("other_plugins")?.string.map { $0 + "," }
        var name = (fields["name"] ?? fields["username"]).flatMap(EntityExample.name) ?? ""
        var kind = rubyCamelCase(example.type)
        if kind == "Plugin", resource.targets.isEmpty, example.clusterPlugin { kind = "ClusterPlugin" }
        var annotations: [(String, Node?)] = [("kubernetes.io/ingress.class", Node("kong"))]
        if kind == "Plugin" || kind == "ClusterPlugin" {
            if fields["plugin"] == nil, let name = fields["name"] { fields[Node("plugin")] = name }
            fields[Node("name")] = nil
        }
        if kind == "Consumer", let plugins = take("plugins")?.sequence?.compactMap(\.string) {
            annotations.append(("konghq.com/plugins", Node(plugins.joined(separator: ","))))
        }
        var apiVersion = "configuration.konghq.com/v1"
        var spec: Node?
        if kind == "Vault" {
            apiVersion = "configuration.konghq.com/v1alpha1"
            let backend = fields["name"]
            fields[Node("name")] = nil
            spec = .mapping(Node.Mapping([(Node("backend"), backend ?? Node(""))] + fields.map { ($0.key, $0.value) }))
            name = "\(backend?.string ?? "")-vault"
            fields = [:]
        }
        if let tags { annotations.append(("konghq.com/tags", Node(tags.joined(separator: ", ")))) }
        let metadata = KubernetesYAML.mapping([
            ("name", KubernetesYAML.string(name)), ("namespace", Node("kong")), ("annotations", KubernetesYAML.mapping(annotations)),
            ("labels", kind == "ClusterPlugin" ? KubernetesYAML.mapping([("global", KubernetesYAML.string("true"))]) : nil),
        ])
        var top = Node.Mapping([(Node("apiVersion"), Node(apiVersion)), (Node("kind"), Node("Kong\(kind)")), (Node("metadata"), metadata)])
        if let spec { top[Node("spec")] = spec }
        for (key, value) in fields { top[key] = value }
        resource.name = name
        resource.yaml = PsychYAML.dump(.mapping(top)).trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\"", with: "'")
        return resource
    }

    /// Ruby's `split('_').map(&:capitalize).join`: `consumer_group` → `ConsumerGroup`, `key-set` → `Key-set`.
    private static func rubyCamelCase(_ name: String) -> String {
        name.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined()
    }

    /// `kubectl annotate`'s resource kind for a target (Kong's `format/snippets/kic.md`).
    private static func kubectlKind(_ key: String) -> String {
        if key.containsBytes("Service") || key.containsBytes("Route") || key == "Kongroute" || key == "Kongservice" { return key.lowercased() }
        return key.containsBytes("Consumer") ? "kong" + key.lowercased() : "Kong" + key
    }

    /// "the `service` resource", "`KongConsumer` and `KongConsumerGroup` resources" (Kong's `targets`).
    private static func targetsText(_ targets: [String]) -> String {
        var names = targets.map { key in
            switch key {
            case "Service": "`service`"
            case "Route": "`httproute` or `ingress`"
            case "Kongroute": "`KongRoute`"
            case "Kongservice": "`KongService`"
            default: "`Kong\(key)`"
            }
        }
        let last = names.removeLast()
        return (names.isEmpty ? last : names.joined(separator: ", ") + " and " + last) + " resource" + (targets.count > 1 ? "s" : "")
    }
}
