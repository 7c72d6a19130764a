import Diagnostics
import Foundation
import Liquid
import Testing
@testable import HowTo

@Suite struct ContentLoaderTests {
    @Test func siteDataProvidesVariablesAndSettings() throws {
        let site = try ContentLoader(root: TestSupport.contentRoot).loadSite()
        #expect(site.variables["base_gateway"] == .string("Kong Gateway"))
        #expect(site.variables["kic_product_name"] == .string("Kong Ingress Controller"))
        #expect(site.variables["konnect_short_name"] == .string("Konnect"))
        #expect(site.variables["konnect_product_name"] == .string("Kong Konnect"))
        #expect(site.variables["mesh_product_name"] == .string("Kong Mesh"))
        #expect(site.upstreamBaseURL == "https://developer.konghq.com")
        #expect(site.title == "Kong how-tos")
        #expect(site.allowRawHTML == false)
    }

    @Test func badSiteDataIsALocatedError() throws {
        let root = try TestSupport.scratchContent(["_data/site.yml": "title: [broken\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect {
            try ContentLoader(root: root).loadSite()
        } throws: { error in
            guard let error = error as? DiagnosticError, let first = error.diagnostics.first else { return false }
            return first.location.file.hasSuffix("_data/site.yml") && first.location.line == 2 && first.severity == .error
        }
    }

    @Test func howToPathsAreSortedAndRecursive() throws {
        let root = try TestSupport.scratchContent(["how-to/b.md": "", "how-to/a/z.md": "", "how-to/a.txt": "", "_includes/x.md": ""])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(ContentLoader(root: root).howToPaths() == [root + "/how-to/a/z.md", root + "/how-to/b.md"])
        let shipped = ContentLoader(root: TestSupport.contentRoot).howToPaths()
        #expect(shipped.contains(TestSupport.tutorial))
        #expect(shipped == shipped.sorted() && shipped.count == Set(shipped).count)
    }

    @Test func unreadableFileIsAnError() {
        let (page, diagnostics) = ContentLoader(root: TestSupport.contentRoot).load(page: "/nonexistent/x.md", site: SiteConfig())
        #expect(page == nil)
        #expect(diagnostics.first?.description == "/nonexistent/x.md:1:1: error: cannot read the file")
    }

    /// Loading and rendering the reference page stays fast (a debug build is ~10x slower than release).
    @Test func referencePageLoadsQuickly() throws {
        let loader = ContentLoader(root: TestSupport.contentRoot)
        let site = try loader.loadSite()
        _ = loader.load(page: TestSupport.tutorial, site: site)
        let clock = ContinuousClock()
        let runs = 20
        let elapsed = clock.measure {
            for _ in 0..<runs { _ = loader.load(page: TestSupport.tutorial, site: site) }
        }
        #expect(elapsed / runs < .milliseconds(50), "one load took \(elapsed / runs)")
    }
}
