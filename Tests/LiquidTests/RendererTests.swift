import Diagnostics
import Liquid
import Testing

@Suite struct RendererTests {
    @Test func ifElsifElse() {
        let template = "{% if n == 1 %}one{% elsif n == 2 %}two{% elsif n == 3 %}three{% else %}many{% endif %}"
        #expect(output(template, ["n": 1]) == "one")
        #expect(output(template, ["n": 2]) == "two")
        #expect(output(template, ["n": 3]) == "three")
        #expect(output(template, ["n": 9]) == "many")
    }

    @Test func unless() {
        #expect(output("{% unless x %}no x{% endunless %}") == "no x")
        #expect(output("{% unless x %}no x{% else %}x{% endunless %}", ["x": true]) == "x")
        #expect(output("{% unless x %}a{% elsif y %}b{% endunless %}", ["x": true, "y": true]) == "b")
    }

    @Test func forOverArraysWithForloop() {
        let template = "{% for t in tags %}{{ forloop.index }}/{{ forloop.index0 }}/{{ forloop.length }}:{{ t }}"
            + "{% if forloop.first %}F{% endif %}{% if forloop.last %}L{% endif %} {% endfor %}"
        #expect(output(template, ["tags": ["a", "b", "c"]]) == "1/0/3:aF 2/1/3:b 3/2/3:cL ")
    }

    @Test func forOverRangesLimitOffsetReversed() {
        #expect(output("{% for i in (1..5) %}{{ i }}{% endfor %}") == "12345")
        #expect(output("{% for i in (1..n) %}{{ i }}{% endfor %}", ["n": 3]) == "123")
        #expect(output("{% for i in (1..10) limit: 3 offset: 2 %}{{ i }}{% endfor %}") == "345")
        #expect(output("{% for i in (1..4) reversed %}{{ i }}{% endfor %}") == "4321")
        #expect(output("{% for i in (1..6) reversed offset: 1 limit: 3 %}{{ i }}{% endfor %}") == "432")
        #expect(output("{% for i in (3..1) %}{{ i }}{% endfor %}") == "")
    }

    @Test func forElseWhenEmpty() {
        #expect(output("{% for x in list %}{{ x }}{% else %}none{% endfor %}", ["list": []]) == "none")
        #expect(output("{% for x in missing %}{{ x }}{% else %}none{% endfor %}") == "none")
        #expect(output("{% for x in list %}{{ x }}{% else %}none{% endfor %}", ["list": [1]]) == "1")
    }

    @Test func forOverDictionaryGivesSortedPairs() {
        #expect(output("{% for p in d %}{{ p[0] }}={{ p[1] }};{% endfor %}", ["d": ["b": 2, "a": 1]]) == "a=1;b=2;")
    }

    @Test func forLoopVariableDoesNotLeak() {
        #expect(output("{% for x in (1..2) %}{% endfor %}[{{ x }}][{{ forloop.index }}]") == "[][]")
    }

    @Test func hugeRangeIsAnErrorNotAHang() {
        let result = render("{% for i in (1..100000000000) %}x{% endfor %}after")
        #expect(result.output == "after")
        #expect(diagnostics(result) == ["page.md:1:1: error: `for` range must have integer bounds at most 100000 apart"])
    }

    @Test func runawayNestedLoopsStop() {
        let result = render("{% for i in (1..99999) %}{% for j in (1..99999) %}{% endfor %}{% endfor %}")
        #expect(result.diagnostics.map(\.message) == ["template needs more than 100000 loop iterations and includes; rendering stopped here"])
    }

    @Test func assignWithFilters() {
        #expect(output("{% assign name = site.x | default: 'Kong' | upcase %}{{ name }}") == "KONG")
        #expect(output("{% for i in (1..3) %}{% assign last = i %}{% endfor %}{{ last }}") == "3")
    }

    @Test func badAssignIsAnError() {
        let result = render("{% assign = 3 %}x")
        #expect(result.output == "x")
        #expect(diagnostics(result) == ["page.md:1:11: error: expected a name but found `=` in `assign`"])
    }

    @Test func capture() {
        #expect(output("{% capture greeting %}Hello {{ who }}!{% endcapture %}[{{ greeting | upcase }}]", ["who": "you"])
            == "[HELLO YOU!]")
    }

    @Test func rawAndCommentAreTags() {
        #expect(output("{% raw %}{{ x }}{% endraw %}|{% comment %}{{ x }}{% endcomment %}|", ["x": 1]) == "{{ x }}||")
    }
}

extension RendererTests {
    @Test func doublingCapturesStopAtTheOutputBudget() {
        let result = render("{% assign a = 'x' %}{% for i in (1..60) %}{% capture a %}{{ a }}{{ a }}{% endcapture %}{% endfor %}"
            + "{{ a | size }}\ntail")
        #expect(result.output == "")
        #expect(result.diagnostics.map(\.message) == ["template needs more than 64000000 bytes of output; rendering stopped here"])
    }
}
