import Diagnostics
import Foundation
import Site
import Testing

@Suite("SiteBuilder")
struct SiteBuilderTests {
    private func build(_ fixture: SiteFixture, to output: String? = nil) async throws -> BuildReport {
        try await SiteBuilder(contentRoot: fixture.content, templatesRoot: SiteFixture.templates, outputDir: output ?? fixture.output).build()
    }

    @Test("a how-to page has every section of the layout")
    func howToPageSections() async throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let report = try await build(fixture)
        #expect(report.howToCount == 2)

        let html = try fixture.read("how-to/rotate-secrets/index.html")
        #expect(html.contains("<h1>Rotate secrets in Kong Gateway</h1>"))
        #expect(html.contains("Learn to rotate secrets stored in a vault."))
        #expect(html.contains("id=\"tldr\""))
        #expect(html.contains("<strong>ttl</strong>"))
        #expect(html.contains("Minimum version: Kong Gateway 3.13"))
        #expect(html.contains("<li class=\"pill\">On-prem</li>"))
        #expect(html.contains("href=\"/tags/security/\""))
        #expect(html.contains("href=\"/tags/secrets-management/\""))
        // Each H2 of the body is one numbered step section, the intro stays outside.
        #expect(html.components(separatedBy: "<section class=\"step\"").count - 1 == 2)
        #expect(html.contains("id=\"step-2\""))
        #expect(html.contains("<div class=\"intro\"><p>This guide rotates a secret.</p>"))
        #expect(html.contains("id=\"prerequisites\""))
        #expect(html.contains("<span class=\"item-title\">Install the vault CLI</span>"))
        #expect(html.contains("<code>vault</code> with your package manager"))
        #expect(html.contains("<img class=\"item-icon\" src=\"/assets/icons/code.svg\""))
        #expect(html.contains("id=\"cleanup\"") && html.contains("Press Ctrl+C"))
        #expect(!html.contains("not-shipped.svg"), "an icon that is not in the assets would be a 404")
        #expect(html.contains("id=\"faqs\""))
        #expect(html.contains("Why rotate secrets?"))
        #expect(html.contains("id=\"next-steps\""))
        #expect(html.contains("/assets/site.css"))
        #expect(html.contains("id=\"search-input\""))
        // No external resources.
        #expect(!html.contains("<script src=\"http"))
        #expect(!html.contains("<link rel=\"stylesheet\" href=\"http"))

        let second = try fixture.read("how-to/second-guide/index.html")
        #expect(!second.contains("id=\"tldr\""), "an empty TL;DR is left out")
        #expect(!second.contains("application/ld+json"), "no FAQs, no FAQPage")
        #expect(FileManager.default.fileExists(atPath: fixture.output + "/assets/site.js"))
    }

    @Test("two builds of the same input are byte-identical")
    func reproducible() async throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let first = fixture.root.appendingPathComponent("one").path
        let second = fixture.root.appendingPathComponent("two").path
        _ = try await build(fixture, to: first)
        _ = try await build(fixture, to: second)
        let files = try #require(FileManager.default.subpaths(atPath: first)).sorted()
        #expect(files == (FileManager.default.subpaths(atPath: second) ?? []).sorted())
        #expect(files.contains("how-to/rotate-secrets/index.html"))
        for file in files {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: first + "/" + file, isDirectory: &isDirectory), isDirectory.boolValue { continue }
            let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + file))
            let b = try Data(contentsOf: URL(fileURLWithPath: second + "/" + file))
            #expect(a == b, "\(file) differs between builds")
        }
    }

    @Test("a build with an error leaves the existing output untouched")
    func atomicBuild() async throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        _ = try await build(fixture)
        let before = try fixture.read("how-to/rotate-secrets/index.html")
        try fixture.write("kept", to: "site/marker.txt")

        try fixture.write("---\ntitle: [unclosed\ncontent_type: how_to\n---\n\nBody\n", to: "content/how-to/broken.md")
        try fixture.write(SiteFixture.rotate.replacingOccurrences(of: "This guide rotates", with: "CHANGED"), to: "content/how-to/rotate-secrets.md")
        await #expect(throws: DiagnosticError.self) { _ = try await build(fixture) }
        do {
            _ = try await build(fixture)
        } catch let error as DiagnosticError {
            #expect(error.diagnostics.contains { $0.location.file.hasSuffix("broken.md") && $0.severity == .error })
        }

        #expect(try fixture.read("marker.txt") == "kept")
        #expect(try fixture.read("how-to/rotate-secrets/index.html") == before)
        #expect(!FileManager.default.fileExists(atPath: fixture.output + "/how-to/broken"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).filter { $0.hasPrefix(".site.") }
        #expect(leftovers.isEmpty, "no staging folder is left behind")

        // Once the error is fixed the new output replaces the old one as a whole.
        try FileManager.default.removeItem(atPath: fixture.content + "/how-to/broken.md")
        _ = try await build(fixture)
        #expect(try fixture.read("how-to/rotate-secrets/index.html").contains("CHANGED"))
        #expect(!FileManager.default.fileExists(atPath: fixture.output + "/marker.txt"))
    }

    @Test("sitemap and search index list every page")
    func sitemapAndSearchIndex() async throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        _ = try await build(fixture)

        let sitemap = try fixture.read("sitemap.xml")
        #expect(sitemap.hasPrefix("<?xml"))
        for path in ["/how-to/rotate-secrets/", "/how-to/second-guide/", "/tags/security/", "/tags/secrets-management/", "/how-to/"] {
            #expect(sitemap.contains("\(path)</loc>"), "sitemap lacks \(path)")
        }

        let data = try Data(contentsOf: URL(fileURLWithPath: fixture.output + "/search-index.json"))
        let entries = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(entries.count == 2)
        let rotate = try #require(entries.first { $0["url"] as? String == "/how-to/rotate-secrets/" })
        #expect(rotate["title"] as? String == "Rotate secrets in Kong Gateway")
        #expect(rotate["description"] as? String == "Learn to rotate secrets stored in a vault.")
        #expect(rotate["aliases"] as? [String] == ["Secret rotation"])
        #expect(rotate["tags"] as? [String] == ["security", "secrets-management"])
        #expect(rotate["headings"] as? [String] == ["Write the first version", "Write the second version"])
    }

    @Test("related links go upstream unless the page is in this site")
    func relatedLinks() async throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        _ = try await build(fixture)
        let html = try fixture.read("how-to/rotate-secrets/index.html")
        #expect(html.contains("<a href=\"/how-to/second-guide/\">The second guide</a>"))
        #expect(html.contains("href=\"\(SiteFixture.upstream)/gateway/secrets-management/\""))
        #expect(!html.contains("href=\"/gateway/secrets-management/\""))
        // Next steps and links in the body follow the same rule.
        #expect(html.contains("href=\"\(SiteFixture.upstream)/gateway/entities/vault/\""))
        #expect(html.contains("href=\"/how-to/second-guide/#do-it\""))
    }

    @Test("FAQPage JSON-LD parses and holds every question")
    func faqJSONLD() async throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        _ = try await build(fixture)
        let html = try fixture.read("how-to/rotate-secrets/index.html")
        let open = "<script type=\"application/ld+json\">"
        let start = try #require(html.range(of: open)).upperBound
        let end = try #require(html[start...].range(of: "</script>")).lowerBound
        let json = String(html[start..<end])
        #expect(!json.contains("<"), "the JSON cannot close its script element")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["@context"] as? String == "https://schema.org")
        #expect(object["@type"] as? String == "FAQPage")
        let questions = try #require(object["mainEntity"] as? [[String: Any]])
        #expect(questions.map { $0["name"] as? String } == ["Why rotate secrets?", "How often should Kong Gateway re-read secrets?"])
        for question in questions {
            #expect(question["@type"] as? String == "Question")
            let answer = try #require(question["acceptedAnswer"] as? [String: Any])
            #expect(answer["@type"] as? String == "Answer")
            #expect((answer["text"] as? String)?.isEmpty == false)
        }
    }

    @Test("tag pages and indexes list their how-tos")
    func tagPages() async throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let report = try await build(fixture)
        // 2 how-tos, home, how-to index, tag index, 2 tag pages.
        #expect(report.pagesWritten == 7)
        let security = try fixture.read("tags/security/index.html")
        #expect(security.contains("href=\"/how-to/rotate-secrets/\""))
        #expect(security.contains("href=\"/how-to/second-guide/\""))
        let secrets = try fixture.read("tags/secrets-management/index.html")
        #expect(secrets.contains("href=\"/how-to/rotate-secrets/\""))
        #expect(!secrets.contains("href=\"/how-to/second-guide/\""))
        for index in ["index.html", "how-to/index.html"] {
            let listing = try fixture.read(index)
            #expect(listing.contains("Rotate secrets in Kong Gateway") && listing.contains("A second guide"))
        }
        #expect(try fixture.read("tags/index.html").contains("href=\"/tags/secrets-management/\""))
    }
}
