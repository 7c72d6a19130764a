import Diagnostics
import Foundation
import Yams

/// One `{% entity_example %}`: the entity, its `${name}` variables and the formats it is shown in (Kong's
/// `blocks/entity_example_block/base.rb`).
struct EntityExample {
    /// A `${name}` variable: its `value` as written (`$HCV_HOST`, `root`; none leaves `${name}` as it is) and whether
    /// decK makes it a literal block.
    struct Variable {
        var value: String?
        var literalBlock: Bool
    }

    /// The entity type (`plugin`, `consumer`, `vault`, ...).
    var type: String
    /// The entity's fields.
    var data: Node
    /// `variables`: name → value.
    var variables: [String: Variable]
    /// The formats asked for (`formats`, else the page's `tools`), in the order written.
    var formats: [String]
    /// `headers`: format → extra request header lines.
    var headers: [String: [String]]
    /// `indent`: spaces put before every line of the output (the block sits in a list item).
    var indent: Int
    /// `cluster_plugin: false` keeps a global plugin a namespaced `KongPlugin`.
    var clusterPlugin: Bool
    /// Where the block starts.
    var location: SourceLocation

    /// The keys of `data` that name a plugin's target (Kong's `entity_examples.config.targets`).
    static let pluginTargets = ["consumer", "consumer_group", "global", "route", "service"]

    /// Reads the block's YAML; `tools` are the page's, the default formats.
    init(yaml: BlockYAML, tools: [String], at location: SourceLocation) throws(DiagnosticError) {
        var (entries, reader) = try yaml.mapping("entity_example")
        guard let typeNode = entries["type"], let type = reader.string(typeNode, "type"), let data = entries["data"] else {
            reader.diagnostics.append(.error(at: location, "entity_example needs `type` and `data`"))
            throw DiagnosticError(reader.diagnostics)
        }
        self.type = type
        self.data = data
        self.location = location
        formats = entries["formats"].map { reader.strings($0, "formats") } ?? tools
        variables = [:]
        for (name, _, spec) in entries["variables"].flatMap({ reader.mapping($0, "variables") }) ?? [] {
            variables[name] = Variable(value: spec.mapping?["value"]?.string,
                                       literalBlock: spec.mapping?["literal_block"]?.bool ?? false)
        }
        headers = [:]
        for (format, _, lines) in entries["headers"].flatMap({ reader.mapping($0, "headers") }) ?? [] {
            headers[format] = reader.strings(lines, "headers.\(format)")
        }
        indent = entries["indent"].flatMap { reader.int($0, "indent") } ?? 0
        clusterPlugin = entries["cluster_plugin"].flatMap { reader.bool($0, "cluster_plugin") } ?? true
        if reader.diagnostics.hasErrors { throw DiagnosticError(reader.diagnostics) }
    }

    /// `data` with every `${name}` of a declared variable replaced by its value, in every string (Kong's
    /// `VariableReplacer::Data`); a replaced string stays a string.
    var substitutedData: Node { substituted { $0.value } }

    /// `data` with every `${name}` of a declared, valued, non-literal-block variable replaced by `replacement`
    /// of it (decK's `${{ env "DECK_X" }}`, the value itself elsewhere); a plugin's empty `config` is dropped.
    func substituted(_ replacement: (Variable) -> String?) -> Node {
        var node = Self.substitute(data, variables, replacement)
        if type == "plugin", let fields = node.mapping, let config = fields["config"],
           YAMLReader.kind(config) == .null || config.mapping?.isEmpty == true
        {
            node = .mapping(Node.Mapping(fields.filter { $0.key.string != "config" }.map { ($0.key, $0.value) }))
        }
        return node
    }

    private static func substitute(_ node: Node, _ variables: [String: Variable], _ replacement: (Variable) -> String?) -> Node {
        switch node {
        case let .mapping(mapping):
            return .mapping(Node.Mapping(mapping.map { ($0.key, substitute($0.value, variables, replacement)) }))
        case let .sequence(sequence):
            return .sequence(Node.Sequence(sequence.map { substitute($0, variables, replacement) }))
        case .scalar:
            guard YAMLReader.kind(node) == .str, let text = node.string, text.containsBytes("${") else { return node }
            var out = text
            for (name, variable) in variables.sorted(by: { $0.key < $1.key }) where !variable.literalBlock {
                if let value = replacement(variable) { out = out.replacingOccurrences(of: "${\(name)}", with: value) }
            }
            return out == text ? node : KubernetesYAML.string(out)
        case .alias:
            return node
        }
    }
}

extension EntityExample {
    /// A plugin's target: the first of `data`'s target keys in Kong's order, else `global`; and the name it gives.
    var pluginTarget: (key: String, value: String?) {
        let fields = data.mapping
        for key in Self.pluginTargets {
            if let value = fields?[key] { return (key, Self.name(value)) }
        }
        return ("global", nil)
    }

    /// A target's name: nil for `~` or anything that is not a string.
    static func name(_ node: Node) -> String? {
        YAMLReader.kind(node) == .null ? nil : node.string
    }

    /// What a URL or decK file shows for a target that names none (Kong's `variables.*.placeholder`).
    static let placeholders = ["upstream": "upstreamName|Id", "consumer": "consumerName|Id",
                               "consumer_group": "consumerGroupName|Id", "route": "routeName|Id", "service": "serviceName|Id"]
}
