import Foundation
import Diagnostics
import HowToPlan
@testable import HowTo

/// Paths and helpers shared by the HowTo tests.
enum TestSupport {
    /// The package root, found from this file's path (works in CI and locally).
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The repository's `content/` directory.
    static let contentRoot = packageRoot + "/content"

    /// The reference tutorial.
    static let tutorial = contentRoot + "/how-to/configure-hashicorp-vault-with-oauth2.md"

    /// A scratch content root with `site.yml` and the given files (path → text), removed by the caller.
    static func scratchContent(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("howto-tests-\(UUID().uuidString)").path
        var all = files
        all["_data/site.yml", default: "base_gateway: Kong Gateway\nkic_product_name: Kong Ingress Controller\n"] += ""
        for (relative, text) in all {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return root
    }

    /// Loads `how-to/page.md` from a scratch content root made of `files` plus that page.
    static func load(_ page: String, files: [String: String] = [:], strict: Bool = false, topology: Topology = .onPrem)
        throws -> (page: HowToPage?, diagnostics: [Diagnostic], root: String)
    {
        var files = files
        files["how-to/page.md"] = page
        let root = try scratchContent(files)
        let loader = ContentLoader(root: root, strict: strict)
        let result = loader.load(page: root + "/how-to/page.md", site: try loader.loadSite(), topology: topology)
        return (result.page, result.diagnostics, root)
    }

    /// A minimal valid front matter followed by `body`.
    static func page(frontMatter extra: String = "", body: String = "## Run\n\n```sh\necho hi\n```\n") -> String {
        "---\ntitle: Test page\ncontent_type: how_to\nproducts:\n  - gateway\nworks_on:\n  - on-prem\n\(extra)---\n\(body)"
    }
}
