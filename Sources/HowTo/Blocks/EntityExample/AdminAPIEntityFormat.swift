import Foundation
import HowToPlan
import Yams

/// The Admin API request (Kong's `presenters/admin-api.rb` and `format/snippets/admin-api.md`): a `curl` POST
/// of the entity as JSON. Kong's harness runs it as a request check; howto plans it so and reports it as needing a
/// gateway's Admin API, which it does not emulate.
enum AdminAPIEntityFormat: EntityExampleFormat {
    static let labels = ["admin-api": "Admin API"]
    /// Kong's `formats.admin-api.base_url`.
    static let baseURL = "http://localhost:8001"
    /// Kong's `formats.admin-api.endpoints`: entity type → path.
    static let endpoints = [
        "consumer": "/consumers/", "consumer_group": "/consumer_groups/", "route": "/routes/", "service": "/services/",
        "target": "/upstreams/{upstream}/targets/", "upstream": "/upstreams/", "workspace": "/workspaces/", "vault": "/vaults/",
        "certificate": "/certificates/", "sni": "/snis/", "ca_certificate": "/ca_certificates/", "rbac": "/rbac/users/",
        "admin": "/admins/register/", "group": "/groups/", "license": "/licenses/", "key": "/keys/", "key-set": "/key-sets/",
        "keyring": "/keyring/", "event_hook": "/event-hooks/", "partial": "/partials/",
    ]
    /// Kong's `formats.admin-api.plugin_endpoints`: plugin target → path.
    static let pluginEndpoints = [
        "consumer": "/consumers/{consumer}/plugins/", "consumer_group": "/consumer_groups/{consumer_group}/plugins/",
        "route": "/routes/{route}/plugins/", "service": "/services/{service}/plugins/", "global": "/plugins/",
    ]

    static func markdown(_ example: EntityExample, _ env: RenderEnvironment) -> String {
        let url = url(example)
        let headers = example.headers["admin-api"] ?? []
        var data = example.substitutedData
        if example.type == "plugin", let fields = data.mapping {
            data = .mapping(Node.Mapping(fields.filter { !EntityExample.pluginTargets.contains($0.key.string ?? "") }.map { ($0.key, $0.value) }))
        }
        let json = RequestSnippet.json(data, indent: 2)
        let shown = escapeEnvironmentVariables(json).split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        var lines = ["curl -i -X POST \(url) \\", "    --header \"Accept: application/json\" \\", "    --header \"Content-Type: application/json\" \\"]
        lines += headers.map { "    --header \"\($0)\" \\" }
        lines += ["    --data '", shown, "    '"]
        let settings = ["method": "POST", "url": url, "status_code": "201"]
        let step = KongSink.PlannedStep.validation(ValidationBlock(
            validation: .notEmulated(type: "request-check", needs: "a Kong Gateway Admin API", settings: settings), script: lines.joined(separator: "\n")))
        return "\n\n```bash\n\(lines.joined(separator: "\n"))\n```\n\(env.sink.fenceAttributes(step, "data-deployment-topology=\"on-prem\""))\n\n"
    }

    /// The endpoint with `{name}` filled from the plugin's target or the example's variables, else Kong's placeholder.
    private static func url(_ example: EntityExample) -> String {
        var path: String
        var values = example.variables.compactMapValues(\.value)
        if example.type == "plugin" {
            let target = example.pluginTarget
            path = pluginEndpoints[target.key] ?? "/plugins/"
            if let value = target.value { values[target.key] = value }
        } else {
            path = endpoints[example.type] ?? ""  // Kong joins the base URL with nothing
        }
        for (name, placeholder) in EntityExample.placeholders where path.containsBytes("{\(name)}") {
            path = path.replacingOccurrences(of: "{\(name)}", with: values[name] ?? "{\(placeholder)}")
        }
        return baseURL + path
    }

    /// Kong's `escape_env_variables` filter: `$NAME` → `'$NAME'`, so the shell expands it inside the quoted body.
    static func escapeEnvironmentVariables(_ text: String) -> String {
        text.replacingOccurrences(of: #"(\$[A-Z_][A-Z0-9_]*)"#, with: "'$1'", options: .regularExpression)
    }
}
