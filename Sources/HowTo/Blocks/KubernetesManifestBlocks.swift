import Foundation
import Liquid
import Yams

/// `{% konnect_crd %}`, `{% httproute %}` and `{% operator_podtemplatespec_example %}`: a Kubernetes manifest
/// from the block's YAML, applied with `kubectl apply` (Kong's `konnect_crd.rb`, `httproute.rb`,
/// `operator_podtemplatespec_example.rb`).
struct KubernetesManifestBlock {
    /// The fields a manifest gets when the block leaves them out (`konnect_crd`'s defaults).
    let defaults: [(String, Node)]
    /// The part of the block's YAML that is the manifest (`dataplane` for the pod template example).
    let manifestKey: String?

    /// The fenced `kubectl apply` of the manifest.
    func render(_ call: LiquidBlockCall, block: String) throws -> String {
        let yaml = try BlockYAML(call.body, at: call.bodyLocation, block: block)
        var manifest = manifestKey.flatMap { yaml.root.mapping?[$0] } ?? yaml.root
        if var mapping = manifest.mapping {
            for key in ["create_namespace", "kubectl_apply"] { mapping[Node(key)] = nil }
            for (key, value) in defaults.reversed() where mapping[Node(key)] == nil {
                mapping = Node.Mapping([(Node(key), value)] + Array(mapping))
            }
            manifest = .mapping(mapping)
        }
        let text = ((try? Yams.serialize(node: manifest)) ?? call.body).trimmingCharacters(in: .newlines)
        return "\n\n```bash\necho '\n\(text.replacingOccurrences(of: "'", with: "'\\''"))\n' | kubectl apply -f -\n```\n\n"
    }
}

/// `{% konnect_crd %}`: a Konnect custom resource (`apiVersion: konnect.konghq.com/v1alpha1`, namespace `kong`).
enum KonnectCRDBlock: KongBlock {
    static let name = "konnect_crd"
    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        try KubernetesManifestBlock(defaults: [("apiVersion", Node("konnect.konghq.com/v1alpha1"))], manifestKey: nil).render(call, block: name)
    }
}

/// `{% httproute %}`: a Gateway API `HTTPRoute`.
enum HTTPRouteBlock: KongBlock {
    static let name = "httproute"
    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        try KubernetesManifestBlock(defaults: [("apiVersion", Node("gateway.networking.k8s.io/v1")), ("kind", Node("HTTPRoute"))], manifestKey: nil)
            .render(call, block: name)
    }
}

/// `{% operator_podtemplatespec_example %}`: the `dataplane` of a `DataPlane` pod template.
enum OperatorPodTemplateSpecBlock: KongBlock {
    static let name = "operator_podtemplatespec_example"
    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        try KubernetesManifestBlock(defaults: [], manifestKey: "dataplane").render(call, block: name)
    }
}
