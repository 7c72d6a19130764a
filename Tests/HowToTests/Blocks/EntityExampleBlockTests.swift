import Diagnostics
import Foundation
import HowToPlan
import Testing
import Yams
@testable import HowTo

/// `{% entity_example %}` in each format Kong's presenters render (`drops/entity_example/presenters/`).
@Suite struct EntityExampleBlockTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var body: String
        var tools = "deck"
        /// Text the page's code must hold (HTML-unescaped, highlighting removed).
        var shows: [String]
        /// Text the page must not hold.
        var hides: [String] = []
        /// The validation types of the planned steps, in order.
        var validations: [String] = []
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "kic vault goes under spec, named after its backend",
             body: "type: vault\ndata:\n  name: hcv\n  prefix: hashicorp-vault\n  config:\n    host: ${hcv_host}\n    port: 8200\nvariables:\n  hcv_host:\n    value: vault.svc\n",
             tools: "kic",
             shows: ["echo \"\napiVersion: configuration.konghq.com/v1alpha1\nkind: KongVault\nmetadata:\n  name: hcv-vault\n  namespace: kong\n  annotations:\n    kubernetes.io/ingress.class: kong\nspec:\n  backend: hcv\n  prefix: hashicorp-vault\n  config:\n    host: vault.svc\n    port: 8200\n\" | kubectl apply -f -"],
             hides: ["_format_version"]),
        Case(name: "kic plugin on a service is annotated, other plugins kept",
             body: "type: plugin\ndata:\n  name: key-auth\n  config:\n    key_names:\n    - apikey\n  service: echo\n  other_plugins: rate-limit\n",
             tools: "kic",
             shows: ["kind: KongPlugin\nmetadata:\n  name: key-auth\n  namespace: kong\n  annotations:\n    kubernetes.io/ingress.class: kong\nconfig:\n  key_names:\n  - apikey\nplugin: key-auth\n",
                     "Next, apply the KongPlugin resource by annotating the service resource:",
                     "kubectl annotate -n kong service echo konghq.com/plugins=rate-limit,key-auth --overwrite"]),
        Case(name: "kic plugin without targets is a cluster plugin",
             body: "type: plugin\ndata:\n  name: prometheus\n",
             tools: "kic",
             shows: ["kind: KongClusterPlugin\nmetadata:\n  name: prometheus\n  namespace: kong\n  annotations:\n    kubernetes.io/ingress.class: kong\n  labels:\n    global: 'true'\nplugin: prometheus\n"],
             hides: ["kubectl annotate"]),
        Case(name: "kic plugin with cluster_plugin false stays namespaced",
             body: "type: plugin\ncluster_plugin: false\ndata:\n  name: prometheus\n",
             tools: "kic", shows: ["kind: KongPlugin\n"], hides: ["KongClusterPlugin", "global:"]),
        Case(name: "kic plugin on a route gets Gateway API and Ingress tabs",
             body: "type: plugin\ndata:\n  name: acl\n  route: secured\n  consumer: alex\n",
             tools: "kic",
             shows: ["annotating the httproute or ingress and KongConsumer resources:", ">Gateway API</button>", ">Ingress</button>",
                     "kubectl annotate -n kong httproute secured konghq.com/plugins=acl", "kubectl annotate -n kong ingress secured konghq.com/plugins=acl"]),
        Case(name: "kic consumer carries its plugins and tags as annotations",
             body: "type: consumer\ndata:\n  username: alex\n  plugins:\n  - rl\n  - acl\n  tags:\n  - a\n  - b\n  credentials:\n  - alex-key\n",
             tools: "operator",
             shows: ["kind: KongConsumer\nmetadata:\n  name: alex\n  namespace: kong\n  annotations:\n    kubernetes.io/ingress.class: kong\n    konghq.com/plugins: rl,acl\n    konghq.com/tags: a, b\nusername: alex\ncredentials:\n- alex-key\n"]),
        Case(name: "admin-api posts the entity as JSON, environment variables left to the shell, planned as a request check",
             body: "type: event_hook\ndata:\n  source: crud\n  on_change: true\n  config:\n    url: $WEBHOOK_URL\nformats:\n  - admin-api\n",
             shows: ["curl -i -X POST http://localhost:8001/event-hooks/ \\\n    --header \"Accept: application/json\" \\\n    --header \"Content-Type: application/json\" \\\n    --data '\n    {\n      \"source\": \"crud\",\n      \"on_change\": true,\n      \"config\": {\n        \"url\": \"'$WEBHOOK_URL'\"\n      }\n    }\n    '"],
             validations: ["request-check"]),
        Case(name: "admin-api plugin goes to its target's endpoint, without the target key",
             body: "type: plugin\ndata:\n  name: acl\n  service: echo\nheaders:\n  admin-api:\n    - 'Kong-Admin-Token: $T'\nformats:\n  - admin-api\n",
             shows: ["curl -i -X POST http://localhost:8001/services/echo/plugins/ \\", "    --header \"Kong-Admin-Token: $T\" \\", "{\n      \"name\": \"acl\"\n    }"],
             hides: ["\"service\""], validations: ["request-check"]),
        Case(name: "admin-api target without an upstream shows Kong's placeholder",
             body: "type: target\ndata:\n  target: 10.0.0.1:80\nformats:\n  - admin-api\n",
             shows: ["http://localhost:8001/upstreams/{upstreamName|Id}/targets/"], validations: ["request-check"]),
        Case(name: "deck target sits in an example upstream",
             body: "type: target\ndata:\n  target: 10.0.0.1:80\n  weight: 50\n",
             shows: ["_format_version: \"3.0\"\nupstreams:\n  - name: example_upstream\n    targets:\n    - target: 10.0.0.1:80\n      weight: 50\n"]),
        Case(name: "deck plugin names its target, placeholder when it has no name",
             body: "type: plugin\ndata:\n  name: acl\n  consumer: ~\n  config:\n    allow:\n    - admin\n",
             shows: ["plugins:\n  - name: acl\n    consumer: consumerName|Id\n    config:\n      allow:\n      - admin\n"]),
        Case(name: "several formats become tabs in Kong's order",
             body: "type: consumer\ndata:\n  username: alex\nformats:\n  - admin-api\n  - deck\n",
             shows: ["data-tab-group=\"entity-example\"", ">decK</button><button", ">Admin API</button>", "consumers:\n  - username: alex", "http://localhost:8001/consumers/"],
             validations: ["request-check"]),
        Case(name: "deck variables are decK environment templates, undeclared ones and ones without a value stay",
             body: "type: vault\ndata:\n  name: hcv\n  config:\n    token: ${t}\n    host: ${h}\n    port: ${p}\nvariables:\n  t:\n    value: $VAULT_TOKEN\n  h:\n    literal_block: true\n",
             shows: ["vaults:\n  - name: hcv\n    config:\n      token: ${{ env \"DECK_VAULT_TOKEN\" }}\n      host: \"${h}\"\n      port: \"${p}\"\n"]),
        Case(name: "a plugin's empty config is left out, a null target becomes Kong's name placeholder",
             body: "type: plugin\ndata:\n  name: cors\n  config: {}\n  consumer: ~\n",
             tools: "kic",
             shows: ["plugin: cors\n\" | kubectl apply -f -", "kubectl annotate -n kong kongconsumer CONSUMER_NAME konghq.com/plugins=cors"], hides: ["config:"]),
        Case(name: "kic and operator are two tabs with their own labels",
             body: "type: consumer\ndata:\n  username: alex\nformats:\n  - operator\n  - kic\n",
             shows: [">KIC</button>", ">Operator</button>", "data-slug=\"operator\""]),
        Case(name: "indent moves the whole example into a list item",
             body: "type: consumer\ndata:\n  username: alex\nindent: 4\n",
             shows: ["<li>\n<p>One</p>\n<div class=\"code-block\" data-file=\"kong.yaml\"", "consumers:\n  - username: alex"]),
    ]

    @Test(arguments: cases) func rendersAndPlans(_ c: Case) throws {
        let body = c.name.hasPrefix("indent") ? "1. One\n\n{% entity_example %}\n\(c.body){% endentity_example %}\n" : "{% entity_example %}\n\(c.body){% endentity_example %}\n"
        let page = "---\ntitle: T\ncontent_type: how_to\nproducts:\n  - gateway\ntools:\n  - \(c.tools)\nworks_on:\n  - on-prem\nautomated_tests: false\n---\n## Do\n\n\(body)"
        let (loaded, diagnostics, root) = try TestSupport.load(page)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let html = try #require(loaded?.bodyHTML)
        let text = Self.unescaped(html)
        for shown in c.shows { #expect(text.contains(shown) || html.contains(shown), "missing \(shown) in \(html)") }
        for hidden in c.hides { #expect(!text.contains(hidden), "\(hidden) shown in \(text)") }
        #expect(!html.contains("{%") && !html.contains("HOWTO"), "no raw Liquid or placeholder token left")
        #expect(loaded?.plan.steps.compactMap(\.validation?.typeName) == c.validations)
        if let step = loaded?.plan.steps.first(where: { $0.validation != nil }), case let .notEmulated(_, needs, settings)? = step.validation {
            #expect(needs == "a Kong Gateway Admin API")
            #expect(settings["method"] == "POST" && settings["status_code"] == "201")
        }
    }

    @Test(arguments: ["  - deck\n  - terraform\n", "  - terraform\n", "  - kubectl\n"])
    func aFormatHowtoDoesNotRenderIsAWarningAndTheEntityShowsAsDecK(_ formats: String) throws {
        let page = "---\ntitle: T\ncontent_type: how_to\nproducts:\n  - gateway\nworks_on:\n  - on-prem\n---\n## Do\n\n{% entity_example %}\ntype: consumer\ndata:\n  username: a\nformats:\n\(formats){% endentity_example %}\n\n```sh\necho\n```\n"
        let (loaded, diagnostics, root) = try TestSupport.load(page)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(diagnostics.contains { $0.severity == .warning && $0.location.line == 11 && ($0.message.contains("terraform") || $0.message.contains("kubectl")) })
        let html = loaded?.bodyHTML ?? ""
        #expect(Self.unescaped(html).contains("consumers:\n  - username: a"))
    }

    /// Kong's `_data/entity_examples/config.yml` is the source of the Admin API endpoints: ours must match it.
    @Test func adminAPIEndpointsMatchKongsConfig() throws {
        let path = TestSupport.packageRoot + "/../shared/corpus/kong/app/_data/entity_examples/config.yml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let config = try #require(try Yams.load(yaml: text) as? [String: Any])
        let admin = try #require((config["formats"] as? [String: Any])?["admin-api"] as? [String: Any])
        #expect(admin["base_url"] as? String == AdminAPIEntityFormat.baseURL)
        #expect(admin["endpoints"] as? [String: String] == AdminAPIEntityFormat.endpoints)
        #expect(admin["plugin_endpoints"] as? [String: String] == AdminAPIEntityFormat.pluginEndpoints)
        let formats = try #require(config["formats"] as? [String: Any])
        #expect(Set(formats.keys) == Set(EntityExampleFormats.kongOrder))
        let targets = try #require(config["targets"] as? [String: Any])
        #expect(Set(targets.keys) == Set(EntityExample.pluginTargets))
        let variables = try #require(config["variables"] as? [String: [String: String]])
        #expect(variables.mapValues { $0["placeholder"] ?? "" } == EntityExample.placeholders)
    }

    /// The page's text: tags dropped, entities decoded.
    static func unescaped(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
