import Diagnostics
import Foundation
import Testing
@testable import HowTo

/// `site.data` as Jekyll builds it from `_data/`, with Kong's generated `_latest` entries; only what the content names is read.
@Suite struct SiteDataTests {
    static let data = [
        "_data/products/gateway.yml": "name: Kong Gateway\nreleases:\n  - release: '3.12'\n  - release: '3.13'\n    latest: true\n",
        "_data/products/ai-gateway.yml": "name: AI Gateway\nreleases:\n  - release: '1.0'\n    latest: true\n",
        "_data/tools/deck.yml": "releases:\n  - version: 1.65.2\n    latest: true\n",
        "_data/entity_examples/gateway/services/example-service.json": #"{"name": "example-service", "url": "http://httpbin"}"#,
        "_data/changelogs/huge.yml": "not: [valid yaml",
    ]

    @Test func namedEntriesAndTheGeneratedLatestOnesRender() throws {
        let body = """
            ## Run

            {{ site.data.products.gateway.name }} {{ site.data.gateway_latest.release }} (of {{ site.data.gateway_releases.size }}),
            decK {{ site.data.deck_latest.version }}, {{ site.data.entity_examples.gateway.services.example-service.url }},
            [{{ site.data.ai-gateway_latest.release }}]

            ```sh
            echo hi
            ```
            """
        let (page, diagnostics, _) = try TestSupport.load(TestSupport.page(body: body), files: Self.data)
        let html = try #require(page, "\(diagnostics)").bodyHTML
        #expect(html.contains("Kong Gateway 3.13 (of 2)"))
        #expect(html.contains("decK 1.65.2, http://httpbin"))
        // Kong's generator reads `products.<name with _>`: a hyphenated product gets no `_latest`.
        #expect(html.contains("[]"))
        #expect(!diagnostics.contains { $0.location.file.contains("changelogs") }, "data no page names is never read")
    }

    /// `site.data['NAME']` is read too; a folder that links to itself is listed once, one that leads out of the root is refused.
    @Test func bracketNamesAreReadAndFolderLinksAreBounded() throws {
        let root = try TestSupport.scratchContent(Self.data.merging([
            "_data/plugins/a.yml": "name: A\n",
            "how-to/p.md": TestSupport.page(body: "## A\n\n{{ site.data['plugins'].a.name }}\n\n```sh\necho\n```\n"),
        ]) { $1 })
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(atPath: root + "/_data/plugins/again", withDestinationPath: root + "/_data/plugins")
        let loader = ContentLoader(root: root)
        let (page, diagnostics) = loader.load(page: root + "/how-to/p.md", site: try loader.loadSite())
        #expect(page?.bodyHTML.contains("<p>A</p>") == true, "\(diagnostics)")
        try FileManager.default.removeItem(atPath: root + "/_data/plugins/again")
        try FileManager.default.createSymbolicLink(atPath: root + "/_data/plugins/out", withDestinationPath: NSTemporaryDirectory())
        #expect(throws: DiagnosticError.self) { try ContentLoader(root: root).loadSite() }
    }

    @Test func brokenDataThatIsNamedIsAnErrorAtItsLine() throws {
        var files = Self.data
        files["_data/products/gateway.yml"] = "name: [Kong\n"
        let root = try TestSupport.scratchContent(files.merging(["how-to/p.md": TestSupport.page(body: "## A\n\n{{ site.data.products.gateway.name }}\n")]) { $1 })
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(throws: DiagnosticError.self) { try ContentLoader(root: root).loadSite() }
        do {
            _ = try ContentLoader(root: root).loadSite()
        } catch let error as DiagnosticError {
            #expect(error.diagnostics.first?.location.file.hasSuffix("_data/products/gateway.yml") == true)
            #expect(error.diagnostics.first?.location.line == 2)
        }
    }
}
