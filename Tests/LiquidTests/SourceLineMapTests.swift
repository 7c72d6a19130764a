import Diagnostics
import Liquid
import Testing

@Suite struct SourceLineMapTests {
    /// Every output line has exactly one source line.
    func checkCount(_ result: LiquidResult) {
        #expect(result.sourceLines.count == result.output.filter { $0 == "\n" }.count + 1)
    }

    @Test func literalTextMapsOneToOne() {
        let result = render("a\nb\nc\n")
        #expect(lineMap(result) == ["page.md:1", "page.md:2", "page.md:3", "page.md:4"])
        #expect(render("").sourceLines == [SourceLocation(file: "page.md", line: 1)])
    }

    @Test func linesRemovedByTagsAreSkipped() {
        let plain = render("a\n{% if true %}\nb\n{% endif %}\nc")
        #expect(plain.output == "a\n\nb\n\nc")
        #expect(lineMap(plain) == ["page.md:1", "page.md:2", "page.md:3", "page.md:4", "page.md:5"])
        let trimmed = render("a\n{%- if true %}\nb\n{%- endif %}\nc")
        #expect(trimmed.output == "a\nb\nc")
        #expect(lineMap(trimmed) == ["page.md:1", "page.md:3", "page.md:5"])
        let skipped = render("a\n{% if false %}\nb\nb2\n{% endif -%}\nc")
        #expect(skipped.output == "a\nc")
        #expect(lineMap(skipped) == ["page.md:1", "page.md:6"])
    }

    @Test func multiLineOutputMapsToTheTagLine() {
        let result = render("x\ny {{ v }}\nz", ["v": "1\n2\n3"])
        #expect(result.output == "x\ny 1\n2\n3\nz")
        #expect(lineMap(result) == ["page.md:1", "page.md:2", "page.md:2", "page.md:2", "page.md:3"])
    }

    @Test func includeTextMapsToTheIncludedFile() {
        let engine = LiquidEngine(includes: { _ in IncludeSource(text: "i1\n{{ '' }}i2\n", file: "inc.md") })
        let result = render("intro\n{% include inc.md %}\nend", engine: engine)
        #expect(result.output == "intro\ni1\ni2\n\nend")
        #expect(lineMap(result) == ["page.md:1", "inc.md:1", "inc.md:2", "page.md:2", "page.md:3"])
    }

    @Test func multiLineCustomBlockMapsToItsTagLine() {
        let engine = LiquidEngine(blocks: ["box": { call in "<div>\(call.body)</div>" }])
        let result = render("a\n{% box %}\nx\ny\n{% endbox %}\nb", engine: engine)
        #expect(result.output == "a\n<div>\nx\ny\n</div>\nb")
        #expect(lineMap(result) == ["page.md:1", "page.md:2", "page.md:2", "page.md:2", "page.md:2", "page.md:6"])
    }

    @Test func loopsRepeatTheirBodyLines() {
        let result = render("{% for i in (1..2) %}\nrow {{ i }}\n{% endfor %}\nend")
        #expect(result.output == "\nrow 1\n\nrow 2\n\nend")
        // The blank line between iterations is the end of the `for` line, where the body starts.
        #expect(lineMap(result) == ["page.md:1", "page.md:2", "page.md:1", "page.md:2", "page.md:3", "page.md:4"])
    }

    @Test func startLineOffsetsTheMap() {
        let result = LiquidEngine().render("a\nb", file: "how-to.md", line: 12, context: [:])
        #expect(lineMap(result) == ["how-to.md:12", "how-to.md:13"])
    }

    @Test func aTutorialShapedPageKeepsTheCountInvariant() {
        let engine = LiquidEngine(
            blocks: ["entity_examples": { call in "```sh\necho '\(call.body)' | deck gateway apply -\n```" }],
            includes: { _ in IncludeSource(text: "Cleanup:\n\n```sh\nvault kv delete secret/x\n```\n", file: "c.md") })
        let page = """
            ## Start Vault

            ```sh
            vault server -dev
            ```
            {: data-test-step="block" }

            {% entity_examples %}
            entities:
              vaults:
                - name: hcv
                  prefix: {{ prefix }}
            {% endentity_examples %}

            {%- if show %}
            {% include cleanup.md %}
            {%- endif %}
            Done with {{ site.base_gateway }}.
            """
        let result = render(page, ["prefix": "hashicorp-vault", "show": true, "site": ["base_gateway": "Kong Gateway"]], engine: engine)
        checkCount(result)
        #expect(result.diagnostics.isEmpty)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        let prefixLine = lines.firstIndex { $0.contains("prefix: hashicorp-vault") }!
        #expect(result.sourceLines[prefixLine].line == 8)
        let deleteLine = lines.firstIndex { $0.contains("vault kv delete") }!
        #expect(result.sourceLines[deleteLine] == SourceLocation(file: "c.md", line: 4))
        #expect(result.sourceLines.last == SourceLocation(file: "page.md", line: 18))
        #expect(result.sourceLines[3] == SourceLocation(file: "page.md", line: 4))
    }
}
