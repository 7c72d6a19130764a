import Diagnostics
import Liquid
import Testing

@Suite struct CustomTagTests {
    /// Kong-like tags and blocks: `new_in`, `navtabs`/`navtab`, and a failing `validation`.
    let engine = LiquidEngine(
        tags: [
            "new_in": { call in "v\(call.context.evaluate(call.arguments).text)+" },
            "broken": { call in throw Diagnostic.warning(at: call.location.offset(lines: 1), "broken tag") },
            "failing": { _ in throw LiquidError.invalidArgument(filter: "x", expected: "y", got: "z") },
        ],
        blocks: [
            "navtabs": { call in "<tabs \(call.arguments)>\(call.body)</tabs>" },
            "navtab": { call in "<tab \(call.arguments)>\(call.body)|raw=\(call.rawBody)</tab>" },
            "validation": { call in
                throw DiagnosticError([.error(at: call.bodyLocation, "bad YAML"), .warning(at: call.location, "note")])
            },
        ])

    @Test func customTagGetsArgumentsAndContext() {
        #expect(output("{% new_in 3.4 %} {% new_in version %}", ["version": "3.13"], engine: engine) == "v3.4+ v3.13+")
    }

    @Test func nestedCustomBlocksGetRenderedAndRawBodies() {
        let source = #"{% navtabs "group" %}{% navtab "A" %}{{ x }}{% endnavtab %}{% navtab "B" %}b{% endnavtab %}{% endnavtabs %}"#
        #expect(output(source, ["x": "X"], engine: engine)
            == #"<tabs "group"><tab "A">X|raw={{ x }}</tab><tab "B">b|raw=b</tab></tabs>"#)
    }

    @Test func blockGetsItsBodyLocation() {
        let probe = LiquidEngine(blocks: ["where": { call in "\(call.location.line):\(call.location.column) \(call.bodyLocation)" }])
        #expect(output("\n  {% where %}\nx{% endwhere %}", engine: probe) == "\n  2:3 page.md:2:14")
    }

    @Test func unclosedCustomBlockKeepsItsBody() {
        let result = render("{% navtab 'A' %}body", engine: engine)
        #expect(result.output == "body")
        #expect(diagnostics(result) == ["page.md:1:1: error: `navtab` is never closed with `{% endnavtab %}`; its content is kept as is"])
    }

    @Test func thrownDiagnosticsAreReportedAsThrown() {
        let result = render("a{% broken %}b\n{% validation x %}\nkey: [\n{% endvalidation %}c", engine: engine)
        #expect(result.output == "ab\nc")
        #expect(diagnostics(result) == [
            "page.md:2:2: warning: broken tag",
            "page.md:2:19: error: bad YAML",
            "page.md:2:1: warning: note",
        ])
    }

    @Test func otherThrownErrorsAreLocatedAtTheTag() {
        let result = render("\n {% failing %}", engine: engine)
        #expect(diagnostics(result) == ["page.md:2:2: error: `failing`: `x` expects y, not `z`"])
    }

    @Test func registeredTagsAndBlocksAreNotUnknown() {
        var engine = LiquidEngine()
        engine.register(tag: "hello") { call in "hi \(call.arguments)" }
        engine.register(block: "shout") { call in call.body.uppercased() }
        let result = render("{% hello  you  %} {% shout %}{% hello x %}{% endshout %}", engine: engine, strict: true)
        #expect(result.output == "hi you HI X")
        #expect(result.diagnostics.isEmpty)
    }
}
