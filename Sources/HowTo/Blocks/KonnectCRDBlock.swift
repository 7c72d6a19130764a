import Liquid
import Yams

/// `{% konnect_crd %}` (Kong's `konnect_crd.rb` and `konnect_crd.md`): a Konnect custom resource with Kong's
/// defaults (`kind` first, `apiVersion: konnect.konghq.com/v1alpha1`, `metadata.namespace: kong`, an empty
/// `spec` except for a `KongPlugin`), applied with `kubectl apply` on the Konnect topology, as a test step.
enum KonnectCRDBlock: KongBlock {
    static let name = "konnect_crd"

    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let yaml = try BlockYAML(call.body, at: call.bodyLocation, block: name)
        guard var config = yaml.root.mapping else { _ = try yaml.mapping(name); return "" }
        let createNamespace = config["create_namespace"]?.bool == true
        config["create_namespace"] = nil
        var defaults: [(String, Node?)] = [
            ("kind", Node("@TODO")), ("apiVersion", Node("konnect.konghq.com/v1alpha1")),
            ("metadata", KubernetesYAML.mapping([("name", Node("@TODO")), ("namespace", Node("kong"))])),
        ]
        if config["kind"]?.string != "KongPlugin" { defaults.append(("spec", Node([] as [(Node, Node)]))) }
        let manifest = KubernetesYAML.deepMerge(KubernetesYAML.mapping(defaults), .mapping(config))
        // Kong's `escape_env_variables`: `$NAME` leaves the single quotes so that the shell expands it.
        let text = KubernetesYAML.text(manifest).replacing(/\$[A-Z_][A-Z0-9_]*/) { "'\($0.output)'" }
        let namespace = createNamespace ? "\nkubectl create namespace kong --dry-run=client -o yaml | kubectl apply -f -" : ""
        return "\n\n```bash\(namespace)\necho '\n\(text)\n' | kubectl apply -f -\n```\n"
            + "{: data-deployment-topology=\"konnect\" data-test-step=\"block\" }\n\n"
    }
}
