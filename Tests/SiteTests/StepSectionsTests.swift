@testable import Site
import Testing

@Suite("StepSections")
struct StepSectionsTests {
    @Test("top-level H2s start steps; the intro and nested H2s stay where they are")
    func splitsAtTopLevelH2() {
        let html = """
            <p>Intro</p>
            <h2 id="one">One</h2>
            <p>a</p>
            <div class="tabs"><div class="navtab-content"><h2 id="inner">Inner</h2></div></div>
            <h2 id="two" data-deployment-topology="konnect">Two</h2>
            <pre><code>&lt;h2&gt;not a tag&lt;/h2&gt;</code></pre>

            """
        let sections = StepSections(html: html)
        #expect(sections.intro == "<p>Intro</p>\n")
        #expect(sections.steps.count == 2)
        #expect(sections.steps[0].number == 1)
        #expect(sections.steps[0].html.hasPrefix("<h2 id=\"one\">"))
        #expect(sections.steps[0].html.contains("<h2 id=\"inner\">"))
        #expect(sections.steps[0].topology == nil)
        #expect(sections.steps[1].topology == "konnect")
        #expect(sections.steps[1].html.hasSuffix("</pre>\n"))
        #expect(sections.intro + sections.steps.map(\.html).joined() == html, "nothing is lost or reordered")
    }

    @Test("a body without H2 is all intro")
    func noHeadings() {
        let sections = StepSections(html: "<p>Only text</p>")
        #expect(sections.steps.isEmpty)
        #expect(sections.intro == "<p>Only text</p>")
    }
}
