import Diagnostics
import Foundation
import Site
import Testing

/// `howto serve`'s in-memory site: a change rebuilds what it reaches and nothing else, and a broken save
/// keeps the last good page.
@Suite("Preview site")
struct PreviewSiteTests {
    static func guide(_ letter: String, tags: [String] = ["alpha"], includes: Bool, body: String = "") -> String {
        """
        ---
        title: Guide \(letter)
        content_type: how_to
        description: The guide \(letter).
        products:
          - gateway
        works_on:
          - on-prem
        tags:
        \(tags.map { "  - \($0)" }.joined(separator: "\n"))
        ---

        Intro of \(letter).

        \(includes ? "{% include shared.md %}\n" : "")
        ## Do it in \(letter)

        Text of \(letter). \(body)

        ```sh
        echo \(letter)
        ```

        """
    }

    /// Three how-tos, two of which include `_includes/shared.md`.
    static func fixture() throws -> SiteFixture {
        let fixture = try SiteFixture(howTos: [
            "a": guide("A", includes: true), "b": guide("B", includes: true), "c": guide("C", tags: ["beta"], includes: false),
        ])
        try fixture.write("Shared words v1.\n", to: "content/_includes/shared.md")
        return fixture
    }

    static func text(_ site: PreviewSite, _ file: String) -> String? {
        site.file(file).map { String(decoding: $0, as: UTF8.self) }
    }

    static func path(_ fixture: SiteFixture, _ relative: String) -> String {
        fixture.root.appendingPathComponent(relative).path
    }

    @Test("the first build holds every page, listing and asset in memory")
    func firstBuild() async throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let site = PreviewSite(contentRoot: fixture.content, templatesRoot: SiteFixture.templates)
        let build = await site.build()
        #expect(build.full)
        #expect(!build.diagnostics.hasErrors, "\(build.diagnostics)")
        for file in ["how-to/a/index.html", "how-to/b/index.html", "how-to/c/index.html", "index.html", "how-to/index.html",
                     "tags/alpha/index.html", "tags/beta/index.html", "search-index.json", "sitemap.xml"] {
            #expect(site.file(file) != nil, "\(file) is not served")
        }
        #expect(Self.text(site, "how-to/a/index.html")?.contains("Shared words v1.") == true)
        #expect(site.isFolder("assets"))
        #expect(await site.problems.isEmpty)
    }

    @Test("a body edit rewrites that page only; a title edit also the listings that show it")
    func editsReachWhatTheyChange() async throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let site = PreviewSite(contentRoot: fixture.content, templatesRoot: SiteFixture.templates)
        _ = await site.build()
        let listingBefore = try #require(Self.text(site, "how-to/index.html"))

        try fixture.write(Self.guide("A", includes: true, body: "Freshly edited."), to: "content/how-to/a.md")
        let edit = await site.update([Self.path(fixture, "content/how-to/a.md")])
        #expect(!edit.full)
        #expect(edit.rewritten == ["how-to/a/index.html"])
        #expect(Self.text(site, "how-to/a/index.html")?.contains("Freshly edited.") == true)
        #expect(Self.text(site, "how-to/index.html") == listingBefore)

        try fixture.write(Self.guide("A", includes: true).replacingOccurrences(of: "title: Guide A", with: "title: Guide A renamed"),
                          to: "content/how-to/a.md")
        let retitle = await site.update([Self.path(fixture, "content/how-to/a.md")])
        #expect(retitle.rewritten.contains("how-to/a/index.html"))
        #expect(retitle.rewritten.contains("how-to/index.html"))
        #expect(retitle.rewritten.contains("tags/alpha/index.html"))
        #expect(retitle.rewritten.contains("search-index.json"))
        #expect(!retitle.rewritten.contains("how-to/b/index.html"))
        #expect(Self.text(site, "how-to/index.html")?.contains("Guide A renamed") == true)
    }

    @Test("an include change rewrites exactly the pages that include it; an unrelated file rewrites nothing")
    func includesReachTheirPages() async throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let site = PreviewSite(contentRoot: fixture.content, templatesRoot: SiteFixture.templates)
        _ = await site.build()

        try fixture.write("Shared words v2.\n", to: "content/_includes/shared.md")
        let change = await site.update([Self.path(fixture, "content/_includes/shared.md")])
        #expect(change.rewritten == ["how-to/a/index.html", "how-to/b/index.html"])
        #expect(Self.text(site, "how-to/b/index.html")?.contains("Shared words v2.") == true)
        #expect(Self.text(site, "how-to/c/index.html")?.contains("Shared words") == false)

        try fixture.write("notes\n", to: "content/notes.txt")
        let unrelated = await site.update([Self.path(fixture, "content/notes.txt")])
        #expect(unrelated.rewritten.isEmpty)
        try fixture.write("swap\n", to: "content/how-to/.a.md.swp")
        let editorFile = await site.update([Self.path(fixture, "content/how-to/.a.md.swp")])
        #expect(editorFile.rewritten.isEmpty, "an editor's temporary file rebuilt \(editorFile.rewritten)")
    }

    @Test("a broken save keeps the last good page and reports file:line:col; the fix clears it")
    func brokenSaveKeepsTheLastGoodPage() async throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let site = PreviewSite(contentRoot: fixture.content, templatesRoot: SiteFixture.templates)
        _ = await site.build()
        let good = try #require(Self.text(site, "how-to/a/index.html"))

        try fixture.write(Self.guide("A", includes: true, body: "{% if broken %}never closed"), to: "content/how-to/a.md")
        let broken = await site.update([Self.path(fixture, "content/how-to/a.md")])
        #expect(broken.rewritten.isEmpty)
        let problems = await site.problems
        let problem = try #require(problems.first, "a broken save reported no problem")
        #expect(problem.location.file.hasSuffix("content/how-to/a.md"))
        #expect(problem.location.line > 1)
        #expect(problem.description.contains("error:"))
        #expect(Self.text(site, "how-to/a/index.html") == good, "the broken save replaced the last good page")

        try fixture.write(Self.guide("A", includes: true, body: "Fixed now."), to: "content/how-to/a.md")
        let fixed = await site.update([Self.path(fixture, "content/how-to/a.md")])
        #expect(fixed.rewritten.contains("how-to/a/index.html"))
        #expect(await site.problems.isEmpty)
        #expect(Self.text(site, "how-to/a/index.html")?.contains("Fixed now.") == true)
    }

    @Test("a new how-to is served and listed; a deleted one goes from the pages and the listings")
    func addedAndRemovedHowTos() async throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let site = PreviewSite(contentRoot: fixture.content, templatesRoot: SiteFixture.templates)
        _ = await site.build()

        try fixture.write(Self.guide("D", tags: ["delta"], includes: false), to: "content/how-to/d.md")
        let added = await site.update([Self.path(fixture, "content/how-to/d.md")])
        #expect(added.rewritten.contains("how-to/d/index.html"))
        // The set of URLs changed, so every page is rendered again (their links may now resolve).
        #expect(added.rewritten.contains("how-to/a/index.html"))
        #expect(site.file("tags/delta/index.html") != nil)
        #expect(Self.text(site, "how-to/index.html")?.contains("Guide D") == true)

        try FileManager.default.removeItem(atPath: Self.path(fixture, "content/how-to/d.md"))
        let removed = await site.update([Self.path(fixture, "content/how-to/d.md")])
        #expect(removed.rewritten.contains("how-to/d/index.html"))
        #expect(site.file("how-to/d/index.html") == nil)
        #expect(site.file("tags/delta/index.html") == nil, "the tag page of a tag no how-to has is still served")
        #expect(Self.text(site, "how-to/index.html")?.contains("Guide D") == false)

        // A folder of how-tos moved in, and out again: the watcher names the folder, not its files.
        try fixture.write(Self.guide("E", includes: false), to: "outside/group/e.md")
        try FileManager.default.moveItem(atPath: Self.path(fixture, "outside/group"), toPath: Self.path(fixture, "content/how-to/group"))
        let movedIn = await site.update([Self.path(fixture, "content/how-to/group")])
        #expect(movedIn.rewritten.contains("how-to/group/e/index.html"))
        try FileManager.default.moveItem(atPath: Self.path(fixture, "content/how-to/group"), toPath: Self.path(fixture, "outside/group"))
        _ = await site.update([Self.path(fixture, "content/how-to/group")])
        #expect(site.file("how-to/group/e/index.html") == nil)
    }

    @Test("a template change rebuilds everything with the new template")
    func templatesRebuildEverything() async throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let templates = fixture.root.appendingPathComponent("templates").path
        try FileManager.default.copyItem(atPath: SiteFixture.templates, toPath: templates)
        let site = PreviewSite(contentRoot: fixture.content, templatesRoot: templates)
        _ = await site.build()
        let file = (templates as NSString).appendingPathComponent("partials/foot.mustache")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try (text.replacingOccurrences(of: "</body>", with: "<p>template marker</p></body>")).write(toFile: file, atomically: true, encoding: .utf8)
        let change = await site.update([file])
        #expect(change.full)
        #expect(Self.text(site, "how-to/c/index.html")?.contains("template marker") == true)
    }

    @Test("the watched folders are the content and templates with subfolders, and the folder above alone")
    func watchedFolders() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let site = PreviewSite(contentRoot: fixture.content, templatesRoot: SiteFixture.templates)
        let folders = site.watchedFolders
        #expect(folders.contains { $0.path == URL(fileURLWithPath: fixture.content).standardizedFileURL.path && $0.recursive })
        #expect(folders.contains { $0.path == URL(fileURLWithPath: SiteFixture.templates).standardizedFileURL.path && $0.recursive })
        #expect(folders.contains { $0.path == fixture.root.standardizedFileURL.path && !$0.recursive })
    }
}
