import Diagnostics
import Markdown
import TestHelpers
import Testing

@Suite struct MarkdownDocumentTests {
    private func parse(_ text: String, sourceLines: [Diagnostics.SourceLocation]? = nil, options: MarkdownOptions = MarkdownOptions()) -> MarkdownDocument {
        MarkdownDocument.parse(text, file: "doc.md", sourceLines: sourceLines, options: options)
    }

    // MARK: headings

    /// kramdown's span list after an image sets its attributes; only safe ones render unless raw HTML is on.
    @Test(arguments: [
        ("![Tools](/a.png){: .shadow width=\"300\" style=\"display:block\" } after", false,
         #"<p><img src="/a.png" alt="Tools" class="shadow" width="300" /> after</p>"#),
        ("![Tools](/a.png){: style=\"display:block\" }", true, #"<p><img src="/a.png" alt="Tools" style="display:block" /></p>"#),
        ("![x](javascript:alert(1)){: .c }", false, #"<p><img src="" alt="x" class="c" /></p>"#),
        ("<img src=\"/b.png\" />{: style=\"x\" }", false, "<p><!-- raw HTML omitted --></p>"),
    ])
    func spanAttributeListsApplyToTheImageBeforeThem(markdown: String, raw: Bool, html: String) {
        let doc = parse(markdown, options: MarkdownOptions(allowRawHTML: raw))
        #expect(doc.diagnostics.isEmpty)
        #expect(doc.html == html + "\n")
    }

    /// An image inside another's alt text, both with lists: the inner one is handled before the outer frees it.
    @Test func nestedImagesWithSpanListsRender() {
        let doc = parse("![a ![i](/y.png){:.z}](/x.png){:.w}")
        // (the inner image, already replaced by its HTML, leaves no text for the outer alt)
        #expect(doc.html == "<p><img src=\"/x.png\" alt=\"a \" class=\"w\" /></p>\n")
    }

    /// With raw HTML off an attribute list cannot add a handler, a link target or a style to any element.
    @Test func blockAttributeListsRenderOnlySafeKeys() {
        let text = "para\n{: onclick=\"alert(1)\" OnMouseOver=\"x\" style=\"color:red\" href=\"javascript:x\" title=\"T\" data-k=\"v\" aria-label=\"L\" }"
        #expect(parse(text).html == "<p title=\"T\" data-k=\"v\" aria-label=\"L\">para</p>\n")
        #expect(parse(text, options: MarkdownOptions(allowRawHTML: true)).html.contains("onclick=\"alert(1)\""))
    }

    @Test func headingIdsAreSlugsDeduplicatedAndOverridable() {
        let doc = parse("""
            # Intro
            ## Step
            ## Step
            ## Custom title {#step-2}
            ## Step {:.x}
            ## Step
            """)
        #expect(doc.headings.map(\.id) == ["intro", "step", "step-1", "step-2", "step-3", "step-4"])
        #expect(doc.headings.map(\.text) == ["Intro", "Step", "Step", "Custom title", "Step", "Step"])
        #expect(doc.headings.map(\.level) == [1, 2, 2, 2, 2, 2])
        #expect(doc.headings[4].attributes.classes == ["x"])
    }

    @Test func attributeListOnTheLineAfterAHeadingAttachesToIt() throws {
        let doc = parse("## Title\n{: data-deployment-topology=\"konnect\" #custom }\n\nText.")
        let heading = try #require(doc.headings.first)
        #expect(heading.attributes["data-deployment-topology"] == "konnect")
        #expect(heading.id == "custom")
        #expect(doc.blocks.count == 2)
    }

    // MARK: attribute lists

    @Test func attributeListAfterCodeBlockAttachesToIt() {
        let doc = parse("```sh\necho hi\n```\n{: data-test-step=\"block\" .no-copy-code }\n\nAfter.")
        guard case .code(let code) = doc.blocks.first else { Issue.record("no code block"); return }
        #expect(code.attributes["data-test-step"] == "block")
        #expect(code.attributes.classes == ["no-copy-code"])
        #expect(code.literal == "echo hi\n")
        #expect(doc.blocks.count == 2)
        #expect(doc.diagnostics.isEmpty)
    }

    @Test func attributeListAfterBlockquoteAttachesToIt() {
        for text in ["> **Note:** read this.\n{:.info}", "> **Note:** read this.\n\n{:.info}\n\nNext."] {
            let doc = parse(text)
            guard case .blockQuote(let quote) = doc.blocks.first else { Issue.record("no quote in \(text)"); continue }
            #expect(quote.callout == "info")
            #expect(quote.children == [.paragraph(Paragraph(
                text: "Note: read this.", spans: [InlineSpan("Note:", style: .strong), InlineSpan(" read this.")],
                location: Diagnostics.SourceLocation(file: "doc.md", line: 1, column: 3)))])
        }
    }

    @Test func paragraphsKeepTheirInlineStylesAsSpans() {
        let doc = parse("Run `vault status`, **then**\n*look* at [the docs](https://example.com/x) now.")
        guard case .paragraph(let paragraph) = doc.blocks.first else { Issue.record("no paragraph"); return }
        #expect(paragraph.spans == [
            InlineSpan("Run "), InlineSpan("vault status", style: .code), InlineSpan(", "), InlineSpan("then", style: .strong),
            InlineSpan(" "), InlineSpan("look", style: .emphasis), InlineSpan(" at "),
            InlineSpan("the docs", style: .link("https://example.com/x")), InlineSpan(" now."),
        ])
        #expect(paragraph.text == paragraph.spans.map(\.text).joined())
    }

    @Test func attributeListBeforeBlockquoteAttachesToIt() {
        let doc = parse("Intro.\n\n{:.warning}\n> Careful.")
        #expect(doc.blocks.count == 2)
        guard case .paragraph(let intro) = doc.blocks[0], case .blockQuote(let quote) = doc.blocks[1] else {
            Issue.record("unexpected blocks \(doc.blocks)")
            return
        }
        #expect(intro.attributes.isEmpty)
        #expect(quote.callout == "warning")
        // cmark counts the blank line after a list into the list; the list must not take the attribute list.
        let afterList = parse("- a\n\n{:.info}\n> q")
        guard case .list(let list) = afterList.blocks[0], case .blockQuote(let note) = afterList.blocks[1] else {
            Issue.record("unexpected blocks \(afterList.blocks)")
            return
        }
        #expect(list.attributes.isEmpty)
        #expect(note.callout == "info")
    }

    @Test func attributeListTouchingBlocksOnBothSidesGoesToThePrecedingOne() {
        let doc = parse("```sh\nls\n```\n{:.no-copy-code}\n> quote")
        guard case .code(let code) = doc.blocks[0], case .blockQuote(let quote) = doc.blocks[1] else {
            Issue.record("unexpected blocks \(doc.blocks)")
            return
        }
        #expect(code.attributes.hasClass("no-copy-code"))
        #expect(quote.attributes.isEmpty)
    }

    @Test func attributeListAfterListAttachesToTheList() {
        for text in ["- a\n- b\n{: .steps }", "- a\n- b\n\n{: .steps }"] {
            let doc = parse(text)
            guard case .list(let list) = doc.blocks.first else { Issue.record("no list in \(text)"); continue }
            #expect(doc.blocks.count == 1)
            #expect(list.attributes.classes == ["steps"])
            #expect(list.items.count == 2)
            guard case .paragraph(let last) = list.items[1].first else { Issue.record("no item text"); continue }
            #expect(last.text == "b")
        }
    }

    @Test func indentedAttributeListInsideListItemAttachesToItsCodeBlock() {
        let doc = parse("1. Run:\n   ```sh\n   vault status\n   ```\n   {: data-test-step=\"block\" }\n2. Next")
        let code = doc.codeBlocks.map(\.code)
        #expect(code.count == 1)
        #expect(code.first?.attributes["data-test-step"] == "block")
        #expect(code.first?.location == Diagnostics.SourceLocation(file: "doc.md", line: 2, column: 4))
    }

    @Test func attributeListAfterParagraphAndTableAttachesToThem() {
        let doc = parse("Lead text\n{:.lead}\n\n| a |\n|---|\n| 1 |\n{: .wide }")
        guard case .paragraph(let paragraph) = doc.blocks[0], case .table(let table) = doc.blocks[1] else {
            Issue.record("unexpected blocks \(doc.blocks)")
            return
        }
        #expect(paragraph.text == "Lead text")
        #expect(paragraph.attributes.classes == ["lead"])
        #expect(table.attributes.classes == ["wide"])
        #expect(table.rows == [["1"]])
    }

    @Test func infoStringAttributesMergeWithAttributeListWhichWins() throws {
        let doc = parse("""
            ```sh { background=true ready="http://x/y" timeout=30s }
            vault server -dev
            ```
            {: timeout=60s provider=auth0 }
            """)
        let code = try #require(doc.codeBlocks.first?.code)
        #expect(code.language == "sh")
        #expect(code.info == #"sh { background=true ready="http://x/y" timeout=30s }"#)
        #expect(code.attributes.pairs.map(\.key) == ["background", "ready", "timeout", "provider"])
        #expect(code.attributes["timeout"] == "60s")
        #expect(code.attributes["ready"] == "http://x/y")
    }

    // MARK: diagnostics

    @Test func malformedAttributeListIsAnErrorAtItsColumnAndNotRendered() {
        let text = "Line one.\n\n```sh\nx\n```\n{: key=\"unclosed }\n\nText\n{:.info"
        let doc = parse(text)
        #expect(doc.diagnostics.map(\.description) == [
            "doc.md:6:8: error: unterminated quoted value for 'key'",
            "doc.md:9:1: error: attribute list is missing its closing '}'",
        ])
        #expect(!doc.html.contains("unclosed"))
        #expect(!doc.html.contains("{:"))
        let mapped = parse(text, sourceLines: (1...9).map { Diagnostics.SourceLocation(file: "orig.md", line: 40 + $0, column: 1) })
        #expect(mapped.diagnostics.first?.description == "orig.md:46:8: error: unterminated quoted value for 'key'")
    }

    @Test func malformedInfoStringAndHeadingListsAreErrors() {
        let doc = parse("## Title {:. bad}\n\n```sh { timeout=\"30s }\nx\n```\n\n{:. warning}\n> careful")
        #expect(doc.diagnostics.map(\.description) == [
            "doc.md:1:12: warning: '. bad': kramdown drops a '.' followed by a space and reads `bad` as a reference to an attribute list definition, so the block gets no class; write {:.bad}",
            "doc.md:3:17: error: unterminated quoted value for 'timeout'",
            "doc.md:7:3: warning: '. warning': kramdown drops a '.' followed by a space and reads `warning` as a reference to an attribute list definition, so the block gets no class; write {:.warning}",
        ])
        #expect(doc.headings.first?.text == "Title")
        #expect(doc.html.contains("<blockquote>\n<p>careful"))
        #expect(!doc.html.contains("{:"))
    }

    // MARK: locations and sections

    @Test func locationsFollowTheSourceLineMap() throws {
        let text = "Intro\n\n## Step one\n\n1. Do:\n   ```sh\n   ls\n   ```"
        let plain = parse(text)
        #expect(plain.headings.first?.location == Diagnostics.SourceLocation(file: "doc.md", line: 3, column: 1))
        let map = (1...8).map { Diagnostics.SourceLocation(file: $0 < 5 ? "page.md" : "_includes/step.md", line: 100 + $0, column: 1) }
        let doc = parse(text, sourceLines: map)
        #expect(doc.headings.first?.location == Diagnostics.SourceLocation(file: "page.md", line: 103, column: 1))
        let code = try #require(doc.codeBlocks.first)
        #expect(code.code.location == Diagnostics.SourceLocation(file: "_includes/step.md", line: 106, column: 4))
        #expect(code.section?.text == "Step one")
        #expect(doc.blocks.map(\.location.line) == [101, 103, 105])
    }

    @Test func codeBlocksKnowTheirSectionAndSubsection() {
        let doc = parse("""
            ```sh
            zero
            ```
            ## A
            ```sh
            one
            ```
            ### A.1
            > ```sh
            > two
            > ```
            ## B
            ```sh
            three
            ```
            # Top
            ```sh
            four
            ```
            """)
        let blocks = doc.codeBlocks
        #expect(blocks.map(\.code.literal) == ["zero\n", "one\n", "two\n", "three\n", "four\n"])
        #expect(blocks.map { $0.section?.text } == [nil, "A", "A", "B", nil])
        #expect(blocks.map { $0.subsection?.text } == [nil, nil, "A.1", nil, nil])
    }

    @Test func plainTextHasProseButNoCodeOrAttributeLists() {
        let doc = parse("# Title\n\nSome *emphasis* and `code`.\n{:.lead}\n\n```sh\nsecret-command\n```\n\n- item one")
        #expect(doc.plainText == "Title\nSome emphasis and code.\nitem one")
    }

    // MARK: robustness

    @Test func tenMegabyteDocumentParses() {
        let section = "## Step\n\nRun the command below, then check the output.\n\n```sh { timeout=30s }\nvault status\n```\n{: data-test-step=\"block\" }\n\n> Note.\n{:.info}\n\n"
        let count = 10_000_000 / section.utf8.count + 1
        let doc = parse(String(repeating: section, count: count))
        #expect(doc.headings.count == count)
        #expect(doc.headings.last?.id == "step-\(count - 1)")
        #expect(doc.codeBlocks.count == count)
        #expect(doc.diagnostics.isEmpty)
        #expect(!doc.html.contains("{:"))
    }

    @Test func parsesConcurrently() async {
        let texts = (0..<8).map { "## Page \($0)\n\n```sh\necho \($0)\n```\n{: data-test-step=\"block\" }\n" }
        let ids = await withTaskGroup(of: (Int, String?).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, MarkdownDocument.parse(text, file: "p\(index).md").codeBlocks.first?.code.attributes["data-test-step"]) }
            }
            var results: [Int: String?] = [:]
            for await (index, value) in group { results[index] = value }
            return results
        }
        #expect(ids.count == 8)
        #expect(ids.values.allSatisfy { $0 == "block" })
    }

    @Test func binaryGarbageAndDeepNestingDoNotCrash() {
        var generator = SplitMix64(seed: 42)
        let alphabet: [UInt8] = Array("{:}|>-#`*_\\\"' \n\r\t=.abc".utf8) + [0, 0xFF, 0xC3, 0x80]
        for _ in 0..<50 {
            let bytes = (0..<2_000).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let doc = parse(String(decoding: bytes, as: UTF8.self))
            #expect(doc.html.utf8.count > 0 || doc.blocks.isEmpty)
        }
        let deep = parse(String(repeating: "> ", count: 5_000) + "{:.info}\n" + String(repeating: "- ", count: 5_000) + "x")
        #expect(deep.html.contains("<blockquote>"))
        #expect(parse("").blocks.isEmpty)
    }
}
