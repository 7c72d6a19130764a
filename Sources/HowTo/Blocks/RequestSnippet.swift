import Foundation
import Yams

/// The `curl` command Kong's request snippet (`how-tos/validations/request-check/snippet.md`) renders for
/// `konnect_api_request`, `control_plane_request` and `http_request`: method, URL, headers, a JSON body
/// and `capture` variables, in a `bash` fence.
struct RequestSnippet {
    var url: String
    var method: String?
    var headers: [String] = []
    /// The body as a YAML node, printed as indented JSON in source key order.
    var body: Node?
    var insecure = false
    /// `capture: [{variable: NAME, jq: PATH}]`: the response (or a jq path of it) goes into shell variables.
    var captures: [(variable: String, jq: String?)] = []

    /// Reads the block's settings; `url` has been resolved by the caller.
    init(url: String, settings entries: [String: Node], extraHeaders: [String] = []) {
        self.url = url
        method = entries["method"]?.string
        headers = extraHeaders
        for header in entries["headers"]?.sequence ?? [] { if let text = header.string, !headers.contains(text) { headers.append(text) } }
        body = entries["body"]
        insecure = entries["insecure"]?.bool ?? false
        for item in entries["capture"]?.sequence ?? [] {
            if let variable = item.mapping?["variable"]?.string { captures.append((variable, item.mapping?["jq"]?.string)) }
        }
        if captures.isEmpty, let variable = entries["capture"]?.string { captures.append((variable, entries["jq"]?.string)) }
    }

    /// The command as Kong lays it out, one option per continued line.
    var command: String {
        var first = "curl "
        if insecure { first += "-k " }
        if let method { first += "-X \(method) " }
        first += "\"\(url)\""
        var lines = [first, "     --no-progress-meter --fail-with-body"]
        lines += headers.map { "     -H \"\($0)\"" }
        if let body {
            lines.append("     --json '\(Self.json(body, indent: 4).replacingOccurrences(of: "'", with: "'\\''"))'")
        }
        return lines.joined(separator: " \\\n")
    }

    /// The `bash` fence: the command, or its output captured into variables.
    var markdown: String {
        var script = command
        if captures.count == 1, let capture = captures.first {
            script = "\(capture.variable)=$(\(command)\(capture.jq.map { " | jq -r \"\($0)\"" } ?? ""))"
        } else if captures.count > 1 {
            script = "_response=$(\(command))\n" + captures.map { "export \($0.variable)=$(echo \"$_response\" | jq -r \"\($0.jq ?? ".")\")" }.joined(separator: "\n")
        }
        return "\n\n```bash\n\(script)\n```\n\n"
    }

    /// `node` as JSON, keys in source order, nested levels indented by `indent` more spaces.
    static func json(_ node: Node, indent: Int, level: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent * (level + 1))
        let close = String(repeating: " ", count: indent * level)
        switch node {
        case let .mapping(mapping):
            guard !mapping.isEmpty else { return "{}" }
            let items = mapping.map { "\(pad)\(scalarJSON($0.key.string ?? "")): \(json($0.value, indent: indent, level: level + 1))" }
            return "{\n" + items.joined(separator: ",\n") + "\n\(close)}"
        case let .sequence(sequence):
            guard !sequence.isEmpty else { return "[]" }
            return "[\n" + sequence.map { pad + json($0, indent: indent, level: level + 1) }.joined(separator: ",\n") + "\n\(close)]"
        case .scalar:
            switch YAMLReader.kind(node) {
            case .null: return "null"
            case .bool: return node.bool.map { $0 ? "true" : "false" } ?? scalarJSON(node.string ?? "")
            case .int, .float: return node.string ?? "null"
            default: return scalarJSON(node.string ?? "")
            }
        case .alias:
            return "null"
        }
    }

    private static func scalarJSON(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
