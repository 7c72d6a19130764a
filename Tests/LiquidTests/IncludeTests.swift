import Diagnostics
import Liquid
import Synchronization
import Testing

@Suite struct IncludeTests {
    /// An engine whose includes come from `files` (path → text), each named `_includes/<path>`.
    func engine(_ files: [String: String]) -> LiquidEngine {
        LiquidEngine(includes: { path in files[path].map { IncludeSource(text: $0, file: "_includes/\(path)") } })
    }

    @Test func includeWithParameters() {
        let engine = engine(["faq.md": "Q: {{ include.title }} ({{ include.n }}, {{ include.who }}, {{ include.q }}){{ include.none }}"])
        let source = #"{% include faq.md title="Vault tokens" n=3 who=page.author q='single' %}"#
        #expect(output(source, ["page": ["author": "kong"]], engine: engine) == "Q: Vault tokens (3, kong, single)")
    }

    @Test func includeSeesPageVariablesAndQuotedPaths() {
        let engine = engine(["/gateway/x.md": "{{ site.name }}"])
        #expect(output("{% include '/gateway/x.md' %}|{% include_cached /gateway/x.md %}", ["site": ["name": "S"]], engine: engine)
            == "S|S")
    }

    @Test func dynamicIncludePathsTakeTheirVariables() {
        let engine = engine([
            "k8s/single.md": "{% include k8s/cloud/{{include.provider}}/lb.md %}|{% include k8s/{{ kind }}.md %}",
            "k8s/cloud/gke/lb.md": "gke", "k8s/ingress.md": "ingress",
        ])
        #expect(output("{% include k8s/single.md provider='gke' %}", ["kind": "ingress"], engine: engine) == "gke|ingress")
        #expect(output("{% capture \"run1\" %}one{% endcapture %}{{ run1 }}", engine: engine) == "one", "a quoted capture name")
    }

    @Test func nestedIncludesHaveTheirOwnParameters() {
        let engine = engine([
            "outer.md": "[{{ include.v }}{% include inner.md v='in' %}{{ include.v }}]",
            "inner.md": "({{ include.v }})",
        ])
        #expect(output("{% include outer.md v='out' %}{{ include.v }}", engine: engine) == "[out(in)out]")
    }

    @Test func includeCycleIsADiagnosticNotAStackOverflow() {
        let engine = engine(["a.md": "A{% include b.md %}", "b.md": "B\n  {% include a.md %}"])
        let result = render("start {% include a.md %} end", engine: engine)
        #expect(result.output == "start AB\n   end")
        #expect(diagnostics(result) == ["_includes/b.md:2:3: error: include cycle: page.md -> _includes/a.md -> _includes/b.md -> _includes/a.md"])
    }

    @Test func selfIncludeIsACycle() {
        let engine = LiquidEngine(includes: { _ in IncludeSource(text: "again {% include me.md %}", file: "page.md") })
        let result = render("x{% include me.md %}", engine: engine)
        #expect(result.output == "x")
        #expect(result.diagnostics.map(\.message) == ["include cycle: page.md -> page.md"])
    }

    @Test func missingIncludeIsAnError() {
        let result = render("a\n {% include nope.md %}b", engine: engine([:]))
        #expect(result.output == "a\n b")
        #expect(diagnostics(result) == ["page.md:2:2: error: include `nope.md` not found"])
    }

    @Test func errorsInsideAnIncludeNameTheIncludedFileOnce() {
        let engine = engine(["bad.md": "ok\n{% if %}\n{{ x | nope }}"])
        let result = render("{% include bad.md %}{% include bad.md %}", engine: engine)
        #expect(diagnostics(result) == [
            "_includes/bad.md:2:7: error: expected a value but found the end of the tag in `if` condition",
            "_includes/bad.md:3:8: error: unknown filter `nope`",
            "_includes/bad.md:2:1: error: `if` is never closed with `{% endif %}`; its content is kept as is",
        ])
    }

    @Test func includeWithoutPathOrWithBadParametersIsAnError() {
        let result = render("{% include %}{% include a.md key %}", engine: engine(["a.md": "A"]))
        #expect(diagnostics(result) == [
            "page.md:1:1: error: `include` needs a file path",
            "page.md:1:33: error: expected `:` but found the end of the tag in `include` parameters",
        ])
    }
}

extension IncludeTests {
    @Test func includeChainsStopAtTheDepthCap() {
        let engine = LiquidEngine(includes: { path in
            let n = Int(path.dropFirst().prefix { $0 != "." })!
            return IncludeSource(text: "\(n){% include n\(n + 1).md %}", file: "n\(n).md")
        })
        let result = render("{% include n1.md %}", engine: engine)
        #expect(result.output == (1...16).map(String.init).joined())
        #expect(diagnostics(result) == ["n16.md:1:3: error: includes are nested deeper than 16 levels"])
    }

    @Test func aSharedParseCacheKeepsEachRendersDiagnosticsAndSeesChanges() {
        let cache = LiquidParseCache()
        let text = Mutex("ok {% if %}")
        var first = LiquidEngine(includes: { _ in IncludeSource(text: text.withLock { $0 }, file: "_includes/x.md") })
        first.parseCache = cache
        var second = first
        second.register(tag: "extra") { _ in "" }
        let reported = [first, first, second].map { diagnostics(render("{% include x.md %}", engine: $0)) }
        #expect(!reported[0].isEmpty)
        #expect(reported.allSatisfy { $0 == reported[0] }, "every render reports the include's parse errors, cached or not")
        text.withLock { $0 = "now {{ 'fine' }}" }
        #expect(output("{% include x.md %}", engine: first) == "now fine", "a changed file is parsed again")
    }
}
