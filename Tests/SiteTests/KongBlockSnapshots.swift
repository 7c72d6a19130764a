import Foundation

/// One real corpus page per Kong block, the block's HTML as built, compared with the reviewed snapshot in
/// `Snapshots/<name>.html` (looked at in headless Chromium: `scripts/review-snapshots.sh` renders them all on one page).
/// `HOWTO_UPDATE_SNAPSHOTS=1` writes the snapshots from the build instead of comparing.
enum KongBlockSnapshots {
    struct Case {
        let name: String
        let page: String
        let opening: String
        let needle: String
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots").path

    static let cases: [Case] = [
        Case(name: "konnect_api_request", page: "how-to/discover-azure-apis-with-konnect-api", opening: "<div class=\"code-block\"", needle: "v1/catalog-services"),
        Case(name: "control_plane_request", page: "how-to/configure-hashicorp-vault-with-azure-auth",
             opening: "<div class=\"code-block\" data-deployment-topology=\"on-prem\"", needle: "localhost:8001/vaults"),
        Case(name: "table", page: "how-to/create-custom-vault", opening: "<table", needle: "init(conf)"),
        Case(name: "mermaid", page: "mesh/deploy-mesh-self-managed", opening: "<figure", needle: "flowchart LR"),
        Case(name: "details", page: "kubernetes-ingress-controller/acl", opening: "<details", needle: "View details"),
        Case(name: "navtabs", page: "how-to/build-custom-docker-image", opening: "<div class=\"tabs\"", needle: "FROM debian:bookworm-slim"),
        Case(name: "entity_examples", page: "gateway/configure-conditional-plugin-execution", opening: "<div class=\"code-block\"",
             needle: "<span class=\"hl-key\">message</span>: Forbidden by condition"),
        Case(name: "validation_request_check", page: "mesh/use-kong-as-delegated-gateway", opening: "<div class=\"code-block\"",
             needle: "$PROXY_IP/api/counter"),
        Case(name: "konnect_crd", page: "operator/konnect/crd/gateway/serviceless-route", opening: "<div class=\"code-block\"", needle: "route-without-service"),
        Case(name: "httproute", page: "kubernetes-ingress-controller/routing/http", opening: "<div class=\"tabs\"", needle: "<span class=\"hl-key\">kind</span>: HTTPRoute"),
        Case(name: "new_in", page: "mesh/get-started/universal/kv", opening: "<p>", needle: "--skip-verify</code> flag"),
        Case(name: "env_variables", page: "how-to/configure-oidc-with-auth-code-flow-and-okta", opening: "<div class=\"code-block\"", needle: "DECK_NGROK_HOST"),
        Case(name: "operator_podtemplatespec_example", page: "operator/dataplanes/how-to/deploy-sidecars", opening: "<div class=\"callout",
             needle: "uses the <code>DataPlane</code> resource"),
        Case(name: "prerequisite_items", page: "gateway/upgrade/convert-lts-28-34", opening: "<section class=\"section prerequisites\"",
             needle: "Kong Gateway v2.8+"),
    ]

    /// What differs from the snapshots in the site built at `output` (empty when all match or were written).
    static func differences(siteAt output: String) throws -> [String] {
        let update = ProcessInfo.processInfo.environment["HOWTO_UPDATE_SNAPSHOTS"] == "1"
        var problems: [String] = []
        for c in cases {
            let html = try String(contentsOfFile: "\(output)/\(c.page)/index.html", encoding: .utf8)
            guard let fragment = HTMLFragment.element(in: html, opening: c.opening, containing: c.needle) else {
                problems.append("\(c.name): no \(c.opening) holding \(c.needle) on /\(c.page)/")
                continue
            }
            let file = "\(folder)/\(c.name).html"
            if update {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try (fragment + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            } else if (try? String(contentsOfFile: file, encoding: .utf8)) != fragment + "\n" {
                problems.append("\(c.name): /\(c.page)/ differs from Snapshots/\(c.name).html (HOWTO_UPDATE_SNAPSHOTS=1 rewrites it; review it in Chromium)")
            }
        }
        return problems
    }
}
