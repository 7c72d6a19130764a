import Diagnostics
import Liquid
import Testing

@Suite struct ExpressionParserTests {
    let page: [String: LiquidValue] = [
        "site": ["base_gateway": "Kong Gateway", "data": ["gateway_latest": ["release": "3.15"]]],
        "page": ["tags": ["vault", "oauth2"], "steps": [["name": "one"], ["name": "two"]], "n": 2],
    ]

    @Test func dottedPathsAndIndexing() {
        #expect(output("{{ site.base_gateway }}|{{site.data.gateway_latest.release}}", page) == "Kong Gateway|3.15")
        #expect(output("{{ page.tags[1] }} {{ page.tags.0 }} {{ page.steps.1.name }} {{ page.steps[0][\"name\"] }}", page)
            == "oauth2 vault two one")
        #expect(output("{{ page.tags[-1] }} {{ page.tags.size }} {{ page.tags.first }} {{ page.tags.last }}", page)
            == "oauth2 2 vault oauth2")
        #expect(output("{{ ['site'].base_gateway }}", page) == "Kong Gateway")
    }

    @Test func literals() {
        #expect(output(#"{{ "dq" }} {{ 'sq' }} {{ 42 }} {{ -1.5 }} {{ true }} {{ false }} [{{ nil }}]"#) == "dq sq 42 -1.5 true false []")
    }

    @Test func undefinedVariablesRenderEmptyWithoutDiagnostics() {
        let result = render("[{{ nope }}][{{ site.nope.deeper[3] }}][{{ page.tags[9] }}]", page)
        #expect(result.output == "[][][]")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func badFilterSyntaxIsAnErrorAtTheToken() {
        let result = render("ok\n{{ x | default: }} after")
        #expect(result.output == "ok\n after")
        #expect(diagnostics(result) == ["page.md:2:17: error: expected a value but found the end of the tag in `{{ }}`"])
    }

    @Test func unknownFilterIsAnErrorAndTheOtherFiltersStillApply() {
        let result = render("{{ 'a' | frobnicate | upcase }}")
        #expect(result.output == "A")
        #expect(diagnostics(result) == ["page.md:1:10: error: unknown filter `frobnicate`"])
    }

    @Test func garbageInMarkupIsAnError() {
        let result = render("{{ a @ b }}")
        #expect(diagnostics(result) == ["page.md:1:6: error: unexpected character `@` in `{{ }}`"])
        let unterminated = render("x {{ 'abc }}")
        #expect(diagnostics(unterminated) == ["page.md:1:6: error: string is never closed in `{{ }}`"])
    }
}
