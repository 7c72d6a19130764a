import Diagnostics
import Foundation
import TestHelpers
import Testing
@testable import HowTo

/// Hostile pages get one clear, located error: links out of the root, alias bombs, escaping permalinks.
@Suite struct UntrustedPageTests {
    private func errors(_ result: (page: HowToPage?, diagnostics: [Diagnostic], root: String)) -> [String] {
        result.diagnostics.filter { $0.severity == .error }.map {
            $0.description.replacingOccurrences(of: result.root + "/", with: "")
        }
    }

    @Test func includeLinkedOutsideIsAnErrorAtTheTag() throws {
        let secret = "SECRET-\(UUID().uuidString)"
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString).md").path
        try secret.write(toFile: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let root = try TestSupport.scratchContent(["how-to/page.md": TestSupport.page(body: "## Run\n\nSee {% include leak.md %}\n\n```sh\necho\n```\n")])
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/_includes", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/_includes/leak.md", withDestinationPath: outside)
        let loader = ContentLoader(root: root)
        let (page, diagnostics) = loader.load(page: root + "/how-to/page.md", site: try loader.loadSite())
        #expect(page == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == SourceLocation(file: root + "/how-to/page.md", line: 11, column: 5))
        #expect(diagnostics.first?.message.hasPrefix("include `leak.md` refused: `\(root)/_includes/leak.md` is a link to") == true)
        #expect(!diagnostics.description.contains(secret))

        let allowing = ContentLoader(root: root, allowLinksOutsideRoot: true)
        let allowed = allowing.load(page: root + "/how-to/page.md", site: try allowing.loadSite())
        #expect(allowed.page?.bodyHTML.contains(secret) == true, "the same include, allowed on purpose, is read")
    }

    @Test func aliasBombInFrontMatterIsOneErrorAtItsLine() throws {
        let start = ContinuousClock.now
        let result = try TestSupport.load(TestSupport.page(frontMatter: "bomb:\n" + HostileYAML.aliasBomb(indent: "  ")))
        defer { try? FileManager.default.removeItem(atPath: result.root) }
        #expect(ContinuousClock.now - start < .milliseconds(500))
        #expect(result.page == nil)
        #expect(errors(result) == [
            "how-to/page.md:\(8 + HostileYAML.aliasBombLimitLine):12: error: YAML aliases here expand to more than 100000 nodes (an alias bomb?): write the values out or use fewer `*alias` references",
        ])
    }

    @Test func aliasBombInSiteDataIsRefused() throws {
        let root = try TestSupport.scratchContent(["_data/site.yml": HostileYAML.aliasBomb()])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let error = #expect(throws: DiagnosticError.self) { try ContentLoader(root: root).loadSite() }
        #expect(error?.diagnostics.first?.location.line == HostileYAML.aliasBombLimitLine)
    }

    @Test func aliasBombInEntityExamplesIsRefused() throws {
        let body = "## Run\n\n{% entity_examples %}\n" + HostileYAML.aliasBomb() + "{% endentity_examples %}\n"
        let result = try TestSupport.load(TestSupport.page(body: body))
        defer { try? FileManager.default.removeItem(atPath: result.root) }
        #expect(errors(result).contains { $0.hasPrefix("how-to/page.md:\(11 + HostileYAML.aliasBombLimitLine):10: error: YAML aliases") }, "\(errors(result))")
    }

    @Test(arguments: ["/../../outside/", "how-to/x/", "/a/./b/", "/a\\b/"])
    func permalinksThatLeaveTheSiteAreRefused(_ permalink: String) throws {
        let result = try TestSupport.load(TestSupport.page(frontMatter: "permalink: '\(permalink)'\n"))
        defer { try? FileManager.default.removeItem(atPath: result.root) }
        #expect(result.page == nil)
        #expect(errors(result).first?.hasPrefix("how-to/page.md:8:12: error: `permalink` must be a site path") == true, "\(errors(result))")
    }

    @Test func ordinaryPermalinksStay() throws {
        let result = try TestSupport.load(TestSupport.page(frontMatter: "permalink: /gateway/how-to/x/\n"))
        defer { try? FileManager.default.removeItem(atPath: result.root) }
        #expect(result.page?.url == "/gateway/how-to/x/")
    }
}
