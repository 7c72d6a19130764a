import Diagnostics
import Liquid
import Testing

/// An include the loader refuses to read is an error at the include tag, and the text around it stays.
@Suite struct IncludeRefusalTests {
    struct Refused: Error, CustomStringConvertible {
        var description: String { "it links outside the content folder" }
    }

    @Test func refusedIncludeIsReportedAtTheTag() {
        let engine = LiquidEngine(includes: { path in
            if path == "env.md" { throw Refused() }
            return IncludeSource(text: "fine", file: "_includes/\(path)")
        })
        let result = render("a\n  {% include env.md %} b {% include ok.md %}", engine: engine)
        #expect(diagnostics(result) == ["page.md:2:3: error: include `env.md` refused: it links outside the content folder"])
        #expect(result.output == "a\n   b fine")
    }
}
