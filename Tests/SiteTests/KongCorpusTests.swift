import Diagnostics
import Foundation
import HowTo
import HowToPlan
import Testing
@testable import Site

/// Kong's own docs tree (`../shared/corpus/kong/app`), checked as it is: every tag and validation type it
/// uses is known, and what is left are defects of the content (broken anchors and links, a missing
/// include, YAML that Jekyll reads differently), never our own gaps.
@Suite struct KongCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/kong/app").path

    /// Every error `check` reports on the corpus, each a defect of Kong's content that Kong's own site has too.
    static let knownDefects: [(file: String, link: String, why: String)] = [
        ("dev-portal/enable-key-auth-for-dev-portal.md", "/how-to/enable-key-auth-for-dev-portal/#create-a-dev-portal-developer-account", "the prerequisite is titled \"Register a Dev Portal developer account\""),
        ("dev-portal/enable-oidc-auth-for-dev-portal.md", "/how-to/enable-oidc-auth-for-dev-portal/#create-a-dev-portal-developer-account", "the same prerequisite, the same old id"),
        ("event-gateway/configure-sni-routing.md", "#start-a-local-kakfa-cluster", "a typo: the heading is \"Start a local Kafka cluster\""),
        ("event-gateway/productize-kafka-topics.md", "#start-a-local-kakfa-cluster", "the same typo"),
        ("gateway/authenticate-consumers-with-key-auth-enc.md", "#pre-configured-entities", "Kong's entities prerequisite is titled \"Required entities\""),
        ("gateway/authenticate-consumers-with-session-and-key-auth.md", "#pre-configured-entities", "the same (twice on the page)"),
        ("gateway/route-requests-to-different-upstreams-based-on-headers.md", "#pre-configured-entities", "the same"),
        ("kubernetes-ingress-controller/kic-proxy-rewriting-paths.md", "#prerequistes", "a typo of #prerequisites"),
    ]

    @Test func checksWithOnlyContentDefects() async throws {
        let loader = ContentLoader(root: Self.corpus)
        #expect(loader.howToPaths().count == 398)
        let site = try loader.loadSite()
        #expect(String(describing: site.variables["konnect_short_name"]).contains("\"Konnect\""), "site variables come from jekyll.yml above app/")
        let diagnostics = await SiteChecker(contentRoot: Self.corpus).check()
        #expect(!diagnostics.contains { $0.message.hasPrefix("unknown tag") || $0.message.hasPrefix("unknown validation type") || $0.message.hasPrefix("unknown filter") })
        let errors = diagnostics.filter { $0.severity == .error }
        let found = Set(errors.map { error in
            "\(error.location.file.components(separatedBy: "/_how-tos/").last ?? "") \(error.message.split(separator: " ")[2])"
        })
        let expected = Set(Self.knownDefects.map { "\($0.file) \($0.link)" })
        #expect(found == expected, "\(errors.map(\.description).joined(separator: "\n"))")
        #expect(errors.count == 9)
        #expect(errors.allSatisfy { $0.location.line > 1 && $0.location.column > 1 }, "each where its link is written")
    }

    /// Every published how-to is written at its permalink, with no Liquid or attribute list left as text.
    @Test func buildsEveryPublishedHowTo() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kong-corpus-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let report = try await SiteBuilder(contentRoot: Self.corpus, templatesRoot: SiteFixture.templates, outputDir: output).build()
        #expect(report.howToCount == 394, "398 how-tos, 4 of them `published: false`")
        #expect(FileManager.default.fileExists(atPath: output + "/how-to/authenticate-consumers-with-key-auth-enc/index.html"))
        #expect(FileManager.default.fileExists(atPath: output + "/kubernetes-ingress-controller/install/index.html"))
        var leftovers: [String] = []
        for case let relative as String in FileManager.default.enumerator(atPath: output)! where relative.hasSuffix("index.html") {
            let html = try String(contentsOfFile: output + "/" + relative, encoding: .utf8)
            // Code is the content's own text (decK's `${{ env "X" }}`, Insomnia's and Kuma's templates); prose is not.
            let prose = html.replacing(/<pre[\s\S]*?<\/pre>|<code[\s\S]*?<\/code>/, with: "")
            if prose.contains("{%") || prose.contains("{{") || prose.contains("{:") { leftovers.append(relative) }
        }
        #expect(leftovers.isEmpty, "\(leftovers)")
        let snapshots = try KongBlockSnapshots.differences(siteAt: output)
        #expect(snapshots.isEmpty, "\(snapshots.joined(separator: "\n"))")
    }

    @Test func permalinksAreTheURLs() async throws {
        let loaded = try await SiteBuilder.loadAll(ContentLoader(root: Self.corpus), site: ContentLoader(root: Self.corpus).loadSite())
        // Every how-to that Kong tests plans, with a planned validation for each `{% validation %}` block it
        // holds (those of hidden tabs too); includes may add more.
        var tested = 0
        for (diagnostics, page) in loaded.pages {
            guard let page, page.plan.automatedTests else { continue }
            tested += 1
            #expect(!diagnostics.contains { $0.severity == .error && $0.message.contains("validation") }, "\(page.sourcePath)")
            let source = try String(contentsOfFile: page.sourcePath, encoding: .utf8)
            let blocks = source.components(separatedBy: "{% validation ").count - 1
            #expect(page.plan.steps.filter { $0.kind == .validation }.count >= blocks, "\(page.sourcePath): \(blocks) validation blocks")
        }
        #expect(tested == 249)
        #expect(loaded.collisions.isEmpty)
        #expect(loaded.urls.contains("/how-to/discover-azure-apis-with-konnect-api/"), "the page's permalink, not its path under _how-tos/catalog/")
        #expect(!loaded.urls.contains { $0.hasPrefix("/how-to/catalog/") })
    }
}
