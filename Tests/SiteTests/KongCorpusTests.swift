import Diagnostics
import Foundation
import HowTo
import Testing
@testable import Site

/// Kong's own docs tree (`../shared/corpus/kong/app`), checked as it is: every tag and validation type it
/// uses is known, and what is left are defects of the content (broken anchors and links, a missing
/// include, YAML that Jekyll reads differently), never our own gaps.
@Suite struct KongCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/kong/app").path

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus))) func checksWithOnlyContentDefects() async throws {
        let loader = ContentLoader(root: Self.corpus)
        #expect(loader.howToPaths().count == 398)
        let site = try loader.loadSite()
        #expect(String(describing: site.variables["konnect_short_name"]).contains("\"Konnect\""), "site variables come from jekyll.yml above app/")
        let diagnostics = await SiteChecker(contentRoot: Self.corpus).check()
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(!diagnostics.contains { $0.message.hasPrefix("unknown tag") || $0.message.hasPrefix("unknown validation type") || $0.message.hasPrefix("unknown filter") })
        let contentDefects = ["has no heading or section with that id", "which is not a how-to of this site", "not found",
                              "duplicate key", "class name", "must be a list of text values"]
        for error in errors {
            #expect(contentDefects.contains { error.message.contains($0) }, "not a content defect: \(error)")
            #expect(error.location.line >= 1 && error.location.file.hasSuffix(".md"))
        }
        #expect(errors.count < 60)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus))) func permalinksAreTheURLs() async throws {
        let loaded = try await SiteBuilder.loadAll(ContentLoader(root: Self.corpus), site: ContentLoader(root: Self.corpus).loadSite())
        #expect(loaded.collisions.isEmpty)
        #expect(loaded.urls.contains("/how-to/discover-azure-apis-with-konnect-api/"), "the page's permalink, not its path under _how-tos/catalog/")
        #expect(!loaded.urls.contains { $0.hasPrefix("/how-to/catalog/") })
    }
}
