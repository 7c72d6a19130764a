import Testing
import Diagnostics
import HowToPlan
@testable import HowTo

@Suite struct ReferenceTutorialPlanTests {
    @Test func printPlan() throws {
        let loader = ContentLoader(root: TestSupport.contentRoot)
        let site = try loader.loadSite()
        let (page, diagnostics) = loader.load(page: TestSupport.tutorial, site: site)
        for d in diagnostics { print(d) }
        let plan = try #require(page?.plan)
        for s in plan.steps + plan.cleanup { print(s.id, s.kind, s.location.line, s.attributes.raw, s.attributes.ready as Any) }
        print(page!.bodyHTML)
        print(page!.cleanup)
        print(page!.faqs[1])
    }
}
