import Diagnostics
import Liquid
import Testing

@Suite struct StandardFiltersTests {
    @Test func defaultReplacesNilFalseAndEmpty() {
        #expect(output("{{ x | default: 'd' }}") == "d")
        #expect(output("{{ x | default: 'd' }}", ["x": false]) == "d")
        #expect(output("{{ x | default: 'd' }}", ["x": ""]) == "d")
        #expect(output("{{ x | default: 'd' }}", ["x": []]) == "d")
        #expect(output("{{ x | default: 'd' }}", ["x": 0]) == "0")
        #expect(output("{{ x | default: 'd' }}", ["x": "v"]) == "v")
    }

    @Test func appendAndPrepend() {
        #expect(output("{{ 'b' | append: 'c' | prepend: 'a' }}") == "abc")
        #expect(output("{{ x | append: 1 }}") == "1")
    }

    @Test func caseAndStrip() {
        #expect(output("{{ 'Kong Gateway' | downcase }}|{{ 'vault' | upcase }}|{{ '  \n a b \t ' | strip }}|") == "kong gateway|VAULT|a b|")
    }

    @Test func joinAndSplit() {
        #expect(output("{{ list | join: ', ' }}", ["list": ["a", "b", 3]]) == "a, b, 3")
        #expect(output("{{ list | join }}", ["list": ["a", "b"]]) == "a b")
        #expect(output("{{ 'a,b,,c' | split: ',' | join: '|' }}") == "a|b||c")
        #expect(output("{{ 'abc' | split: '' | join: '-' }}") == "a-b-c")
        #expect(output("{{ 'a/b/c' | split: '/' | size }}") == "3")
    }

    @Test func firstLastSize() {
        let list: [String: LiquidValue] = ["list": ["x", "y", "z"], "d": ["a": 1, "b": 2]]
        #expect(output("{{ list | first }}{{ list | last }}{{ list | size }}", list) == "xz3")
        #expect(output("{{ 'héllo' | size }}|{{ d | size }}|{{ nothing | size }}|[{{ nothing | first }}]", list) == "5|2|0|[]")
    }

    @Test func slugify() {
        #expect(output("{{ 'Configure HashiCorp Vault (OAuth2)!' | slugify }}") == "configure-hashicorp-vault-oauth2")
        #expect(output("{{ '  --Ünïcode Title__ 3.4 ' | slugify }}") == "ünïcode-title-3-4")
    }

    @Test func escape() {
        #expect(output(#"{{ x | escape }}"#, ["x": #"<a href="x">Tom & 'Jerry'</a>"#])
            == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
    }

    @Test func indentPrefixesEveryLineButTheFirst() {
        #expect(output("{{ x | indent: 2 }}", ["x": "a\nb\n\nc"]) == "a\n  b\n\n  c")
        #expect(output("{{ x | indent }}", ["x": "a\nb"]) == "a\n   b")
        #expect(output("{{ x | indent: 0 }}", ["x": "a\nb"]) == "a\nb")
    }

    @Test func indentRejectsBadArguments() {
        let result = render("{{ x | indent: 'wide' }}", ["x": "a\nb"])
        #expect(result.output == "a\nb")
        #expect(diagnostics(result) == ["page.md:1:8: error: `indent`: `indent` expects a number of spaces from 0 to 200, not `wide`"])
    }

    @Test func replace() {
        #expect(output("{{ 'a-b-c' | replace: '-', '+' }}") == "a+b+c")
        #expect(output("{{ 'abc' | replace: '', 'x' }}") == "abc")
    }

    @Test func wrongArgumentCountIsAnError() {
        let result = render("{{ 'a' | append }}{{ 'b' | upcase: 1 }}")
        #expect(result.output == "ab")
        #expect(diagnostics(result) == [
            "page.md:1:10: error: `append`: `append` takes 1 argument, not 0",
            "page.md:1:28: error: `upcase`: `upcase` takes 0 arguments, not 1",
        ])
    }

    @Test func markdownifyIsSuppliedByTheCaller() {
        #expect(render("{{ x | markdownify }}").diagnostics.map(\.message) == ["unknown filter `markdownify`"])
        let engine = LiquidEngine(filters: ["markdownify": { input, _ in .string("<p>\(input.text)</p>") }])
        #expect(output("{{ 'hi' | markdownify }}", engine: engine) == "<p>hi</p>")
    }

    @Test func callersOverrideAndAddFilters() {
        var engine = LiquidEngine(filters: ["upcase": { _, _ in "overridden" }])
        engine.register(filter: "twice") { input, _ in .string(input.text + input.text) }
        #expect(output("{{ 'a' | upcase }} {{ 'b' | twice }}", engine: engine) == "overridden bb")
    }
}
