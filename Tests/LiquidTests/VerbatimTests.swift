import Diagnostics
import Testing
@testable import Liquid

@Suite struct VerbatimTests {
    @Test func markupIsDetectedOnlyForOutputAndTagOpeners() {
        #expect(LiquidResult.hasMarkup("a {{ x }} b"))
        #expect(LiquidResult.hasMarkup("{% if x %}"))
        #expect(LiquidResult.hasMarkup("{{"))
        #expect(!LiquidResult.hasMarkup("a { b } % c"))
        #expect(!LiquidResult.hasMarkup("{ {"))
        #expect(!LiquidResult.hasMarkup("${name} and {}"))
        #expect(!LiquidResult.hasMarkup(""))
    }

    @Test func textWithoutMarkupRendersToItselfLineForLine() {
        let engine = LiquidEngine()
        let result = engine.render("one\ntwo {x}\n", file: "f.md", line: 7, context: [:])
        #expect(result.output == "one\ntwo {x}\n")
        #expect(result.sourceLines.map(\.line) == [7, 8, 9])
        #expect(result.diagnostics.isEmpty)
        // The same answer as the full engine gives for text with markup that renders to nothing extra.
        let full = engine.render("one\ntwo {x}{{ nothing }}\n", file: "f.md", line: 7, context: [:])
        #expect(full.sourceLines.map(\.line) == result.sourceLines.map(\.line))
    }
}
