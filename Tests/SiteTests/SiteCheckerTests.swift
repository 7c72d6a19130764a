import Diagnostics
import Foundation
import Site
import Testing

@Suite("SiteChecker")
struct SiteCheckerTests {
    static let broken = """
        ---
        title: Broken links
        content_type: how_to
        products:
          - gateway
        works_on:
          - on-prem
        related_resources:
          - text: Missing anchor
            url: /how-to/second-guide/#missing-anchor
          - text: A how-to upstream
            url: /how-to/not-in-this-site/
        ---

        ## Links

        See [nothing](/how-to/does-not-exist/) here.

        And [a bad anchor](/how-to/second-guide/#no-such-heading).

        And [a good anchor](/how-to/second-guide/#do-it) and [outside](/gateway/whatever/#any).

        Jump to [here](#links) and [nowhere](#nowhere).

        ```sh
        echo done
        ```

        """

    @Test("missing anchors are errors at the line and column of the link; a how-to that is not here is a warning, related how-tos may be upstream")
    func brokenLinks() async throws {
        var howTos = SiteFixture.standardHowTos
        howTos["broken-links"] = Self.broken
        let fixture = try SiteFixture(howTos: howTos)
        defer { fixture.remove() }
        let diagnostics = await SiteChecker(contentRoot: fixture.content).check()
        let errors = diagnostics.filter { $0.severity == .error }
        let file = fixture.content + "/how-to/broken-links.md"
        #expect(errors.map(\.location) == [
            SourceLocation(file: file, line: 10, column: 10),
            SourceLocation(file: file, line: 19, column: 20),
            SourceLocation(file: file, line: 23, column: 38),
        ], "\(errors)")
        try #require(errors.count == 3)
        #expect(errors[0].message.contains("#missing-anchor"))
        #expect(errors[1].message.contains("#no-such-heading"))
        #expect(errors[2].message.contains("#nowhere"))
        // A how-to that is not here may be upstream (a docs tree can hold part of a collection): a warning, an error with --strict.
        let away = diagnostics.filter { $0.message.contains("/how-to/does-not-exist/") }
        #expect(away.map(\.severity) == [.warning] && away.first?.location == SourceLocation(file: file, line: 17, column: 15))
        #expect(away.first?.message.contains("not a how-to of this site; the page sends it to http") == true, "\(away)")
        let strict = await SiteChecker(contentRoot: fixture.content, strict: true).check()
        #expect(strict.contains { $0.severity == .error && $0.message.contains("/how-to/does-not-exist/") })
    }

    @Test("valid content has no errors")
    func cleanFixture() async throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let diagnostics = await SiteChecker(contentRoot: fixture.content).check()
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
    }

    @Test("the project's content checks clean")
    func projectContent() async throws {
        let content = SiteFixture.repository.appendingPathComponent("content").path
        let diagnostics = await SiteChecker(contentRoot: content, strict: true).check()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }
}
