import Diagnostics
import Foundation
import HowToPlan
import Testing
@testable import HowTo

/// Kong's generated prerequisites, on Kong's own pages with Kong's own templates: the items its
/// `components/prereqs.html` shows, in its order and with its topologies, and the steps its harness runs.
@Suite struct KongPrerequisitesTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/kong/app").path

    struct Case: Sendable, CustomTestStringConvertible {
        var page: String
        var topology: Topology
        /// Title and topology ("-" for both) of each item, in order.
        var items: [String]
        /// The sections of the prerequisite steps planned for the topology.
        var steps: [String]
        var testDescription: String { "\(page) (\(topology))" }
    }

    static let cases: [Case] = [
        // inline `position: before` first, the on-prem quickstart, the decK tool, the entities. As in Kong's harness,
        // only the entities' marked apply block is a step: not the inline item's unmarked blocks, not the quickstart.
        Case(page: "gateway/authenticate-consumers-with-key-auth-enc.md", topology: .onPrem,
             items: ["Enable Keyring -", "Kong Gateway running on-prem", "decK v1.65.2+ -", "Required entities -"],
             steps: ["Required entities"]),
        // Past the first page of a series with `skip_product`: nothing generated.
        Case(page: "kubernetes-ingress-controller/kic-get-started-key-authentication.md", topology: .onPrem, items: [], steps: []),
        // operator.konnect.auth: the KonnectAPIAuthConfiguration item, konnect only, without the markdown form's
        // "Konnect deployments: " prefix; `konnect_auth_only?` adds the Konnect account item first.
        Case(page: "operator/operator-get-started-gateway-api-2-create-gateway.md", topology: .konnect,
             items: ["Kong Konnect konnect", "Create a KonnectAPIAuthConfiguration resource konnect"], steps: []),
        // `kubernetes.gateway_api` with `gateway_api_optional`: the Gateway API item, whose blocks are `data-test-prereq`,
        // after the Konnect account item (`konnect_auth_only?` ignores `skip_product`, as Kong's drop does).
        Case(page: "kubernetes-ingress-controller/kic-install.md", topology: .onPrem,
             items: ["Kong Konnect konnect", "Enable the Gateway API (Optional) -"], steps: ["Enable the Gateway API (Optional)", "Enable the Gateway API (Optional)"]),
    ]

    @Test(arguments: cases)
    func itemsFollowKongsTemplate(_ c: Case) throws {
        let loader = ContentLoader(root: Self.corpus)
        let (page, diagnostics) = loader.load(page: Self.corpus + "/_how-tos/" + c.page, site: try loader.loadSite(), topology: c.topology)
        let loaded = try #require(page, "\(diagnostics)")
        let items = loaded.prerequisites.map { "\($0.title.split(whereSeparator: \.isWhitespace).joined(separator: " ")) \($0.topology?.rawValue ?? "-")" }
        #expect(items == c.items)
        #expect(loaded.plan.steps.filter { $0.phase == .prerequisite }.map(\.section) == c.steps)
        // No cleanup block of the corpus is marked `data-test-cleanup`: Kong's harness runs none (nor its quickstart's `-d`).
        #expect(loaded.plan.cleanup.isEmpty)
    }

    /// Kong's `components/cleanup.html`: a KIC page's example services get a "Delete created Kubernetes resources"
    /// item first, a `prereqs.cloud` provider its own item, then the inline items with their topologies.
    @Test(arguments: [
        ("kubernetes-ingress-controller/kic-proxy-http.md", ["Delete created Kubernetes resources -", "Uninstall KIC from your cluster -"]),
        ("gateway/configure-aws-secrets-manager-as-a-vault-backend-with-vault-entity.md",
         ["Clean up AWS resources -", "Clean up Konnect environment konnect", "Destroy the Kong Gateway container on-prem"]),
    ])
    func cleanupFollowsKongsTemplate(_ page: String, _ expected: [String]) throws {
        let loader = ContentLoader(root: Self.corpus)
        let (loaded, diagnostics) = loader.load(page: Self.corpus + "/_how-tos/" + page, site: try loader.loadSite(), topology: .onPrem)
        let cleanup = try #require(loaded, "\(diagnostics)").cleanup
        #expect(cleanup.map { "\($0.title.split(whereSeparator: \.isWhitespace).joined(separator: " ")) \($0.topology?.rawValue ?? "-")" } == expected)
        if page.hasPrefix("kubernetes") {
            #expect(cleanup[0].html.contains("kubectl delete -n kong -f https://developer.konghq.com/manifests/kic/echo-service.yaml"), "\(cleanup[0].html)")
        }
    }
}

/// Titles of inline prerequisites are markdown text, as Kong's templates print them.
struct InlinePrerequisiteTitleTests {
    @Test func anInlineTitleDecodesEntitiesAndRendersItsTags() throws {
        let extra = "prereqs:\n  inline:\n    - title: |\n        decK &nbsp; {% new_in 1.47 %}\n      content: Install decK.\n"
        let (page, diagnostics, root) = try TestSupport.load(TestSupport.page(frontMatter: extra))
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(page?.prerequisites.map(\.title) == ["decK \u{A0} v1.47+"])
    }
}
