import Diagnostics
import Liquid
import Testing

@Suite struct LexerTests {
    @Test func whitespaceControlTrimsBothSidesOfTags() {
        #expect(output("a  \n  {%- if true -%}  \n b \n {%- endif -%} \n c") == "abc")
        #expect(output("- a\n{%- if true %}\n- b\n{%- endif %}\n- c") == "- a\n- b\n- c")
        #expect(output("a \n {{- x -}} \n b", ["x": "X"]) == "aXb")
        #expect(output("a \n {{ x -}} \n b", ["x": "X"]) == "a \n Xb")
        #expect(output("a \n {{- x }} \n b", ["x": "X"]) == "aX \n b")
    }

    @Test func withoutDashesWhitespaceIsKept() {
        #expect(output("a\n{% if true %}\nb\n{% endif %}\nc") == "a\n\nb\n\nc")
    }

    @Test func unclosedOutputKeepsTheRestOfThePageAsText() {
        let result = render("line1\n{{ site.base_gateway \nline3 {{ x }} end", ["x": "X"])
        #expect(result.output == "line1\n{{ site.base_gateway \nline3 X end")
        #expect(diagnostics(result) == ["page.md:2:1: error: `{{` is never closed with `}}`; it is kept as text"])
    }

    @Test func unclosedOutputAtTheEnd() {
        let result = render("a\nb {{ x")
        #expect(result.output == "a\nb {{ x")
        #expect(diagnostics(result) == ["page.md:2:3: error: `{{` is never closed with `}}`; it is kept as text"])
    }

    @Test func unclosedTagKeepsTheRestOfThePageAsText() {
        let result = render("one\ntwo {% if x \nthree {% if true %}yes{% endif %}")
        #expect(result.output == "one\ntwo {% if x \nthree yes")
        #expect(diagnostics(result) == ["page.md:2:5: error: `{%` is never closed with `%}`; it is kept as text"])
    }

    @Test func rawKeepsLiquidVerbatim() {
        let source = #"echo '{% raw %}${{ env "DECK_X" }} {% if %}{% endraw %}' | deck"#
        #expect(output(source) == #"echo '${{ env "DECK_X" }} {% if %}' | deck"#)
        #expect(output("{%- raw -%}  {{ x }}  {%- endraw -%}") == "{{ x }}")
    }

    @Test func commentDropsItsBodyEvenWithBrokenLiquidInside() {
        #expect(output("a{% comment %}{{ broken {% nope %}{% comment %}x{% endcomment %}{% endcomment %}b") == "ab")
        #expect(output("a{% # inline comment %}b") == "ab")
    }

    @Test func unclosedRawKeepsTheRestAsText() {
        let result = render("x\n{% raw %}{{ y }}\nz")
        #expect(result.output == "x\n{{ y }}\nz")
        #expect(diagnostics(result) == ["page.md:2:1: error: `raw` is never closed with `{% endraw %}`; the rest is kept as text"])
    }

    @Test func unicodeColumnsCountCharacters() {
        let result = render("héllo {{ x | nope }}")
        #expect(diagnostics(result) == ["page.md:1:14: error: unknown filter `nope`"])
    }
}
