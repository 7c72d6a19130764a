import Liquid
import Yams

/// `{% operator_podtemplatespec_example %}` (Kong's `operator_podtemplatespec_example.rb` and its component):
/// the block's `dataplane` as the pod template of a `DataPlane`, with Kong's note that a
/// `GatewayConfiguration` takes the same; a `kubectl apply` when `kubectl_apply` is set. Nothing without `dataplane`.
enum OperatorPodTemplateSpecBlock: KongBlock {
    static let name = "operator_podtemplatespec_example"

    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let (entries, _) = try BlockYAML(call.body, at: call.bodyLocation, block: name).mapping(name)
        guard let dataplane = entries["dataplane"] else { return "" }
        let apply = entries["kubectl_apply"]?.bool == true
        let spec = KubernetesYAML.text(dataplane).split(separator: "\n", omittingEmptySubsequences: false)
            .map { String(repeating: " ", count: 6) + $0 }.joined(separator: "\n")
        let manifest = """
            apiVersion: gateway-operator.konghq.com/v1beta1
            kind: DataPlane
            metadata:
              name: dataplane-example
              namespace: kong
            spec:
              deployment:
                podTemplateSpec:
            \(spec)
            """
        let body = apply ? "echo '\n\(manifest)\n' | kubectl apply -f -" : manifest
        return "\n\n{:.info}\n> The following example uses the `DataPlane` resource, but you can also configure your "
            + "`GatewayConfiguration` resource as needed. For more information see the "
            + "[PodTemplateSpec](/operator/dataplanes/reference/podtemplatespec/) page.\n\n```yaml\n\(body)\n```\n\n"
    }
}
