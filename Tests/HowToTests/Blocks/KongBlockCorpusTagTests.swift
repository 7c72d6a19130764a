import Diagnostics
import Foundation
import HowToPlan
import Testing
@testable import HowTo

/// One case per block Kong's corpus uses: its source, what the page must show, and the steps it plans.
@Suite struct KongBlockCorpusTagTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var block: String
        var body: String
        var worksOn = "on-prem"
        /// Text the rendered page must hold.
        var shows: [String]
        /// The scripts of the steps planned for the on-prem topology, in order.
        var steps: [String]
        var testDescription: String { block }
    }

    static let cases: [Case] = [
        Case(block: "konnect_api_request",
             body: "{% konnect_api_request %}\nurl: /v2/control-planes\nmethod: POST\nbody:\n  name: cp\n  labels:\n    env: dev\n{% endkonnect_api_request %}",
             worksOn: "konnect",
             shows: ["curl -X POST &quot;https://us.api.konghq.com/v2/control-planes&quot;", "-H &quot;Authorization: Bearer $KONNECT_TOKEN&quot;",
                     "--json '{\n    &quot;name&quot;: &quot;cp&quot;,\n    &quot;labels&quot;: {\n        &quot;env&quot;: &quot;dev&quot;\n    }\n}'"],
             steps: []),
        Case(block: "control_plane_request",
             body: "{% control_plane_request %}\nurl: /services\nmethod: GET\nheaders:\n  - 'Accept: application/json'\n{% endcontrol_plane_request %}",
             shows: ["curl -X GET &quot;http://localhost:8001/services&quot;"],
             steps: ["curl -X GET \"http://localhost:8001/services\" \\\n     --no-progress-meter --fail-with-body \\\n     -H \"Accept: application/json\"\n"]),
        Case(block: "http_request",
             body: "{% http_request %}\nurl: https://example.test/x\ncapture: TOKEN\njq: .token\n{% endhttp_request %}",
             shows: ["TOKEN=$(curl &quot;https://example.test/x&quot;"],
             steps: ["TOKEN=$(curl \"https://example.test/x\" \\\n     --no-progress-meter --fail-with-body | jq -r \".token\")\n"]),
        Case(block: "table",
             body: "{% table %}\ncolumns:\n  - title: Name\n    key: name\n  - title: Use\n    key: use\nrows:\n  - name: '`a`'\n    use: first *one*\n{% endtable %}",
             shows: ["<th>Name</th><th>Use</th>", "<td><code>a</code></td><td>first <em>one</em></td>"], steps: []),
        Case(block: "details",
             body: "{% details %}\nsummary: More\ncontent: |\n  Some **detail**.\n{% enddetails %}",
             shows: ["<details><summary>More</summary>", "<strong>detail</strong>"], steps: []),
        Case(block: "mermaid",
             body: "{% mermaid %}\nflowchart LR\n  A --> B\n{% endmermaid %}",
             shows: ["Diagram (Mermaid source)", "A --&gt; B"], steps: []),
        Case(block: "konnect_crd",
             body: "{% konnect_crd %}\nkind: KongService\nmetadata:\n  name: svc\nspec:\n  host: $UPSTREAM_HOST\n{% endkonnect_crd %}",
             worksOn: "konnect",
             shows: ["echo '\nkind: KongService\napiVersion: konnect.konghq.com/v1alpha1\nmetadata:\n  name: svc\n  namespace: kong\nspec:\n  host: '$UPSTREAM_HOST'\n' | kubectl apply -f -"],
             steps: []),
        Case(block: "konnect_crd",
             body: "{% konnect_crd %}\nkind: KongPlugin\ncreate_namespace: true\nplugin: key-auth\n{% endkonnect_crd %}",
             worksOn: "konnect",
             shows: ["kubectl create namespace kong --dry-run=client -o yaml | kubectl apply -f -\necho '\nkind: KongPlugin\napiVersion: konnect.konghq.com/v1alpha1\nmetadata:\n  name: '@TODO'\n  namespace: kong\nplugin: key-auth\n'"],
             steps: []),
        Case(block: "httproute",
             body: "{% httproute %}\nname: echo\nmatches:\n  - path: /echo\n    service: echo\n    port: 1027\n{% endhttproute %}",
             shows: ["data-tab-group=\"http-route\"", ">Gateway API</button>", ">Ingress</button>",
                     "kind: HTTPRoute\nmetadata:\n  name: echo\n  namespace: kong\n  annotations:\n    konghq.com/strip-path: 'true'\nspec:\n  parentRefs:\n  - name: kong\n    namespace: kong\n  rules:\n  - matches:\n    - path:\n        type: PathPrefix\n        value: /echo\n    backendRefs:\n    - name: echo\n      kind: Service\n      port: 1027\n  hostnames:\n  - kong.example\n&quot; | kubectl apply -f -",
                     "spec:\n  ingressClassName: kong\n  rules:\n  - host: kong.example\n    http:\n      paths:\n      - path: /echo\n        pathType: ImplementationSpecific\n        backend:\n          service:\n            name: echo\n            port:\n              number: 1027\n"],
             steps: ["echo \"\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: echo\n  namespace: kong\n  annotations:\n    konghq.com/strip-path: 'true'\nspec:\n  parentRefs:\n  - name: kong\n    namespace: kong\n  rules:\n  - matches:\n    - path:\n        type: PathPrefix\n        value: /echo\n    backendRefs:\n    - name: echo\n      kind: Service\n      port: 1027\n  hostnames:\n  - kong.example\n\" | kubectl apply -f -\n"]),
        Case(block: "httproute",
             body: "{% httproute %}\nname: rewrite\nhostname: demo.example.com\nsection_name: https\nannotation_rewrite: /anything/$1\nmatches:\n  - path: /x/(.*)\n    route_type: RegularExpression\n    service: echo\n    port: 1027\ndisable_gateway: true\n{% endhttproute %}",
             shows: ["konghq.com/rewrite: /anything/\\$1", "tls:\n  - secretName: demo.example.com\n    hosts:\n    - demo.example.com", "- path: /~/x/(.*)"],
             steps: ["echo \"\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: rewrite\n  namespace: kong\n  annotations:\n    konghq.com/rewrite: /anything/\\$1\n    konghq.com/strip-path: 'true'\nspec:\n  ingressClassName: kong\n  tls:\n  - secretName: demo.example.com\n    hosts:\n    - demo.example.com\n  rules:\n  - host: demo.example.com\n    http:\n      paths:\n      - path: /~/x/(.*)\n        pathType: ImplementationSpecific\n        backend:\n          service:\n            name: echo\n            port:\n              number: 1027\n\" | kubectl apply -f -\n"]),
        Case(block: "operator_podtemplatespec_example",
             body: "{% operator_podtemplatespec_example %}\nkubectl_apply: true\ndataplane:\n  spec:\n    containers:\n    - name: proxy\n{% endoperator_podtemplatespec_example %}",
             shows: ["uses the <code>DataPlane</code> resource", "echo '\napiVersion: gateway-operator.konghq.com/v1beta1\nkind: DataPlane\nmetadata:\n  name: dataplane-example\n  namespace: kong\nspec:\n  deployment:\n    podTemplateSpec:\n      spec:\n        containers:\n        - name: proxy\n' | kubectl apply -f -"],
             steps: []),
    ]

    @Test(arguments: cases) func rendersAndPlans(_ c: Case) throws {
        let page = "---\ntitle: T\ncontent_type: how_to\nproducts:\n  - gateway\nworks_on:\n  - \(c.worksOn)\nautomated_tests: false\n---\n## Do\n\n\(c.body)\n"
        let (loaded, diagnostics, root) = try TestSupport.load(page)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let html = try #require(loaded?.bodyHTML)
        for text in c.shows { #expect(html.contains(text), "missing \(text) in \(html)") }
        #expect(!html.contains("{%") && !html.contains("HOWTO"), "no raw Liquid or placeholder token left")
        #expect(loaded?.plan.steps.map(\.script) == c.steps)
    }

    @Test func notEmulatedValidationsPlanWithTheirSettings() throws {
        let body = "## Check\n\n{% validation kubernetes-resource %}\nkind: Gateway\nname: kong\n{% endvalidation %}\n"
        let (page, diagnostics, root) = try TestSupport.load(TestSupport.page(body: body))
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let step = try #require(page?.plan.steps.first)
        #expect(step.validation == .notEmulated(type: "kubernetes-resource", needs: "a Kubernetes cluster", settings: ["kind": "Gateway", "name": "kong"]))
        #expect(step.script.hasPrefix("kubectl get gateway kong"))
        let missing = try TestSupport.load(TestSupport.page(body: "## Check\n\n{% validation rate-limit-check %}\nurl: /x\n{% endvalidation %}\n"))
        #expect(missing.diagnostics.contains { $0.message.contains("needs `iterations`") })
    }

    @Test(arguments: [
        (nil, "/x", "http://localhost:8000/x"), ("$PROXY_IP", "/api/counter", "$PROXY_IP/api/counter"),
        ("http://h:8443/", "/a", "http://h:8443/a"), (nil, "https://e.test/y", "https://e.test/y"), ("$PROXY_IP", nil, "$PROXY_IP"),
    ] as [(String?, String?, String)])
    func onPremURLJoinsTheBaseAndThePathAsKongDoes(_ base: String?, _ path: String?, _ url: String) {
        #expect(ValidationBlock.onPremURL(base: base, path: path) == url)
    }

    @Test func aRequestCheckOnTheProxyAddressKeepsItsPath() throws {
        let body = "## Check\n\n{% validation request-check %}\nurl: '/api/counter'\non_prem_url: $PROXY_IP\nmethod: POST\n{% endvalidation %}\n"
        let (page, diagnostics, root) = try TestSupport.load(TestSupport.page(body: body))
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        guard case let .requestCheck(check)? = page?.plan.steps.first?.validation else { Issue.record("no request check"); return }
        #expect(check.url == "$PROXY_IP/api/counter")
        #expect(page?.bodyHTML.contains("$PROXY_IP/api/counter") == true)
    }

    @Test func kongExtractBodyNamesTheFieldAndTheVariable() throws {
        let body = "## Check\n\n{% validation request-check %}\nurl: /x\nextract_body:\n  - name: 'id'\n    variable: SERVICE_ID\n{% endvalidation %}\n"
        let (page, diagnostics, root) = try TestSupport.load(TestSupport.page(body: body))
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        guard case let .requestCheck(check)? = page?.plan.steps.first?.validation else { Issue.record("no request check"); return }
        #expect(check.extract == ["SERVICE_ID": "id"])
    }
}
