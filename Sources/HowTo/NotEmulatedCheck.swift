import Diagnostics
import Foundation
import Yams

/// Kong's validation types that need what howto does not emulate: each renders the command Kong's
/// `_includes/how-tos/validations/<type>/snippet.md` shows and plans with its settings.
struct NotEmulatedCheck {
    /// What each type needs, as the runner reports it.
    static let needs: [String: String] = [
        "rate-limit-check": "a Kong Gateway proxy", "unauthorized-check": "a Kong Gateway proxy",
        "traffic-generator": "a Kong Gateway proxy", "grpc-check": "a gRPC service behind a Kong Gateway proxy",
        "kubernetes-resource": "a Kubernetes cluster", "kubernetes-resource-property": "a Kubernetes cluster",
        "kubernetes-wait-for": "a Kubernetes cluster",
    ]
    /// The settings Kong requires per type (its drops' `validate_yaml!`).
    static let required: [String: [String]] = [
        "rate-limit-check": ["iterations", "url"], "grpc-check": ["method"], "kubernetes-resource": ["kind", "name"],
        "kubernetes-resource-property": ["kind", "path"], "kubernetes-wait-for": ["kind", "resource"],
    ]

    /// The block's scalar settings, for the plan.
    var settings: [String: String] = [:]
    /// The command shown on the page.
    var script: String

    init(type: String, entries: [String: Node], root: Node, reader r: inout YAMLReader) throws(DiagnosticError) {
        for key in Self.required[type] ?? [] where entries[key] == nil {
            r.error(root, "the `\(type)` validation needs `\(key)`")
        }
        if r.diagnostics.hasErrors { throw DiagnosticError(r.diagnostics) }
        for (key, value) in entries { settings[key] = value.string ?? RequestSnippet.json(value, indent: 0).replacingOccurrences(of: "\n", with: "") }
        let s = settings
        let url = ValidationBlock.onPremURL(base: s["on_prem_url"], path: s["url"])
        let headers = (entries["headers"]?.sequence ?? []).compactMap(\.string).map { " \\\n     -H \"\($0)\"" }.joined()
        let namespace = s["namespace"] ?? "kong"
        switch type {
        case "rate-limit-check":
            script = "for _ in {1..\(s["iterations"] ?? "1")}; do\n  curl -i \(url)\(headers)\n  echo\ndone"
        case "unauthorized-check":
            script = "curl -i \(url)\(headers)"
        case "traffic-generator":
            script = "for _ in {1..\(s["iterations"] ?? "1")}; do\n  curl \"\(url)\" --no-progress-meter --fail-with-body\(headers)\ndone"
        case "grpc-check":
            let plaintext = s["plaintext"] == "true"
            script = "grpcurl -d '\(s["payload"] ?? "")' \(plaintext ? "-plaintext " : "-insecure ")\(s["on_prem_url"] ?? "localhost"):\(s["port"] ?? "9080") \(s["method"] ?? "")"
        case "kubernetes-resource":
            script = "kubectl get \(s["namespace"].map { "-n \($0) " } ?? "")\((s["kind"] ?? "").lowercased()) \(s["name"] ?? "") \\\n  -o=jsonpath='{.status.conditions[?(@.type==\"\(s["conditionType"] ?? "Programmed")\")]}' | jq"
        case "kubernetes-resource-property":
            script = "kubectl get -o yaml -n \(namespace) \((s["kind"] ?? "").lowercased()) \(s["name"] ?? "") \\\n  | yq '\(s["path"] ?? "")'"
        default:
            script = "kubectl wait -n \(namespace) --timeout=\(s["timeout"] ?? "30s") \((s["kind"] ?? "").lowercased())/\(s["resource"] ?? "") \\\n  --for='jsonpath={.status}=\(s["expected"] ?? "True")'"
        }
    }
}
