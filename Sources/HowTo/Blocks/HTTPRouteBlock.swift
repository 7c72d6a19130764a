import Foundation
import Liquid
import Yams

/// `{% httproute %}` (Kong's `httproute.rb` and `components/httproute.html`): a short route description
/// (`name`, `matches` of `path`/`service`/`port`, `hostname`, annotations) made into a Gateway API `HTTPRoute`
/// and an `Ingress`, each a `kubectl apply` in its own tab; the Gateway API one is the test step.
enum HTTPRouteBlock: KongBlock {
    static let name = "httproute"

    /// Kong's `DEFAULTS`, used where the block leaves a key out or empty.
    static let defaults: [(String, String)] = [
        ("gwapi_version", "v1"), ("name", "echo"), ("namespace", "kong"), ("route_type", "PathPrefix"),
        ("hostname", "kong.example"), ("gateway_namespace", "kong"), ("ingress_class", "kong"),
    ]

    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let yaml = try BlockYAML(call.body, at: call.bodyLocation, block: name)
        let (entries, _) = try yaml.mapping(name)
        let route = Route(entries)
        var variables = RenderEnvironment.flatten(call.context)
        variables["indentation"] = .int(entries["indent"]?.int ?? 0)
        var tabs = ""
        if entries["disable_gateway"]?.bool != true {
            variables["gateway_api"] = .string(fence(route.gatewayAPI, step: true))
            tabs += "{% navtab \"Gateway API\" %}\n{{ gateway_api }}\n{% endnavtab %}\n"
        }
        if entries["disable_ingress"]?.bool != true {
            variables["ingress"] = .string(fence(route.ingress, step: false))
            tabs += "{% navtab \"Ingress\" %}\n{{ ingress }}\n{% endnavtab %}\n"
        }
        guard !tabs.isEmpty else { return "" }
        let source = "{% capture tabs %}\n{% navtabs \"http-route\" %}\n\(tabs){% endnavtabs %}\n{% endcapture %}\n{{ tabs | indent: indentation }}"
        let rendered = env.liquid(source, at: call.location, variables: variables)
        env.sink.report(rendered.diagnostics)
        return "\n\n" + rendered.output + "\n\n"
    }

    /// `echo "..." | kubectl apply -f -`, with Kong's `format_yaml` (single quotes for quoted strings).
    private static func fence(_ manifest: Node, step: Bool) -> String {
        let text = KubernetesYAML.text(manifest).replacing(/"([^"\n]*)"/) { match in
            "'" + match.output.1.replacingOccurrences(of: "'", with: "''").replacingOccurrences(of: "\\\\", with: "\\") + "'"
        }
        return "```bash\necho \"\n\(text)\n\" | kubectl apply -f -\n```\n" + (step ? "{: data-test-step=\"block\" }\n" : "")
    }

    /// The block's settings with Kong's defaults filled in.
    private struct Route {
        let settings: [String: Node]

        init(_ entries: [String: Node]) {
            var settings = entries
            for (key, value) in HTTPRouteBlock.defaults where (settings[key]?.string ?? "").isEmpty && settings[key]?.mapping == nil {
                settings[key] = Node(value)
            }
            self.settings = settings
        }

        func string(_ key: String) -> String? { settings[key]?.string }
        var matches: [Node] { settings["matches"]?.sequence.map(Array.init) ?? [] }
        var hostname: String? { settings["skip_host"]?.bool == true ? nil : string("hostname") }
        var rewrite: Node? { string("annotation_rewrite").map { KubernetesYAML.string($0.replacingOccurrences(of: "$", with: "\\$")) } }

        func metadata(plugins: Bool) -> Node {
            let pluginList = plugins ? settings["annotation_plugins"]?.sequence?.compactMap(\.string).joined(separator: ",") : nil
            return KubernetesYAML.mapping([
                ("name", string("name").map(KubernetesYAML.string)), ("namespace", string("namespace").map(KubernetesYAML.string)),
                ("annotations", KubernetesYAML.mapping([
                    ("konghq.com/rewrite", rewrite), ("konghq.com/plugins", pluginList.map(KubernetesYAML.string)),
                    ("konghq.com/strip-path", KubernetesYAML.string("true")),
                ])),
            ])
        }

        var gatewayAPI: Node {
            let rules = matches.map { match in
                KubernetesYAML.mapping([
                    ("matches", Node([KubernetesYAML.mapping([("path", KubernetesYAML.mapping([
                        ("type", KubernetesYAML.string(match["route_type"]?.string ?? "PathPrefix")),
                        ("value", KubernetesYAML.string(match["path"]?.string ?? "")),
                    ]))])])),
                    ("backendRefs", Node([KubernetesYAML.mapping([
                        ("name", match["service"]), ("kind", Node("Service")), ("port", match["port"]),
                    ])])),
                ])
            }
            let parent = KubernetesYAML.mapping([
                ("name", Node("kong")), ("namespace", string("gateway_namespace").map(KubernetesYAML.string)),
                ("sectionName", string("section_name").map(KubernetesYAML.string)),
            ])
            return KubernetesYAML.mapping([
                ("apiVersion", KubernetesYAML.string("gateway.networking.k8s.io/" + (string("gwapi_version") ?? "v1"))),
                ("kind", Node("HTTPRoute")), ("metadata", metadata(plugins: true)),
                ("spec", KubernetesYAML.mapping([
                    ("parentRefs", Node([parent])), ("rules", Node(rules)),
                    ("hostnames", hostname.map { Node([KubernetesYAML.string($0)]) }),
                ])),
            ])
        }

        var ingress: Node {
            let rules = matches.map { match in
                let path = match["path"]?.string ?? ""
                return KubernetesYAML.mapping([
                    ("host", hostname.map(KubernetesYAML.string)),
                    ("http", KubernetesYAML.mapping([("paths", Node([KubernetesYAML.mapping([
                        ("path", KubernetesYAML.string(match["route_type"]?.string == "RegularExpression" ? "/~" + path : path)),
                        ("pathType", Node("ImplementationSpecific")),
                        ("backend", KubernetesYAML.mapping([("service", KubernetesYAML.mapping([
                            ("name", match["service"]), ("port", KubernetesYAML.mapping([("number", match["port"])])),
                        ]))])),
                    ])]))])),
                ])
            }
            let tls = string("section_name") == "https" ? hostname.map { host in
                Node([KubernetesYAML.mapping([("secretName", KubernetesYAML.string(host)), ("hosts", Node([KubernetesYAML.string(host)]))])])
            } : nil
            return KubernetesYAML.mapping([
                ("apiVersion", Node("networking.k8s.io/v1")), ("kind", Node("Ingress")), ("metadata", metadata(plugins: false)),
                ("spec", KubernetesYAML.mapping([
                    ("ingressClassName", string("ingress_class").map(KubernetesYAML.string)), ("tls", tls), ("rules", Node(rules)),
                ])),
            ])
        }
    }
}
