import Diagnostics
import Liquid
import Testing

@Suite struct ParserTests {
    @Test func unknownTagIsAWarningAndRendersNothing() {
        let result = render("a\n  {% mystery foo=bar %}b\nc")
        #expect(result.output == "a\n  b\nc")
        #expect(diagnostics(result) == ["page.md:2:3: warning: unknown tag `mystery`"])
    }

    @Test func unknownTagIsAnErrorWhenStrict() {
        let result = render("a\n  {% mystery foo=bar %}b\nc", strict: true)
        #expect(result.output == "a\n  b\nc")
        #expect(diagnostics(result) == ["page.md:2:3: error: unknown tag `mystery`"])
    }

    @Test func unknownBlockRendersItsBody() {
        let result = render("{% box %}in {{ x }}{% endbox %} out", ["x": 1])
        #expect(result.output == "in 1 out")
        #expect(diagnostics(result) == ["page.md:1:1: warning: unknown tag `box`"])
    }

    @Test func unclosedIfKeepsTheRestAndPointsAtTheIf() {
        let result = render("a\nb {% if false %}\nc\nd")
        #expect(result.output == "a\nb \nc\nd")
        #expect(diagnostics(result) == ["page.md:2:3: error: `if` is never closed with `{% endif %}`; its content is kept as is"])
    }

    @Test func unclosedIfWithElseKeepsBothBranches() {
        let result = render("{% if x %}one{% else %}two")
        #expect(result.output == "onetwo")
        #expect(diagnostics(result) == ["page.md:1:1: error: `if` is never closed with `{% endif %}`; its content is kept as is"])
    }

    @Test func innerUnclosedBlockIsReportedWhenTheOuterCloses() {
        let result = render("{% for i in (1..2) %}{% if true %}{{ i }}{% endfor %}")
        #expect(result.output == "12")
        #expect(diagnostics(result) == ["page.md:1:22: error: `if` is never closed with `{% endif %}`; its content is kept as is"])
    }

    @Test func strayEndTagsAndElseAreErrors() {
        let result = render("a\n{% endif %}b{% else %}c")
        #expect(result.output == "a\nbc")
        #expect(diagnostics(result) == [
            "page.md:2:1: error: `endif` without an open `if`",
            "page.md:2:13: error: `else` outside of `if`, `unless` or `for`",
        ])
    }

    @Test func emptyTagIsAnError() {
        let result = render("x{% %}y")
        #expect(result.output == "xy")
        #expect(diagnostics(result) == ["page.md:1:2: error: tag without a name"])
    }

    @Test func nestingDeeperThanTheCapIsReportedNotFollowed() {
        let depth = 5_000
        let source = String(repeating: "{% if true %}", count: depth) + "deep" + String(repeating: "{% endif %}", count: depth)
        let result = render(source)
        #expect(result.output == "deep")
        #expect(result.diagnostics.first?.message == "blocks are nested deeper than 50 levels; `if` is ignored")
        #expect(result.diagnostics.first?.location.column == 50 * 13 + 1)
        #expect(result.diagnostics.count == 101)  // capped, then one summary
    }

    @Test func diagnosticsAreInSourceOrderWithOffsetFirstLine() {
        let result = LiquidEngine().render("\n{{ a | nope }}", file: "x.md", line: 10, context: [:])
        #expect(diagnostics(result) == ["x.md:11:8: error: unknown filter `nope`"])
    }
}
