import Markdown
import Testing

@Suite struct MarkdownRenderingTests {
    private func html(_ text: String, options: MarkdownOptions = MarkdownOptions()) -> String {
        MarkdownDocument.parse(text, file: "doc.md", options: options).html
    }

    @Test func headingsGetIdsAndAnchorLinks() {
        let out = html("## Step & go\n## Step & go\n## Custom {#mine .wide}")
        #expect(out == """
            <h2 id="step-go">Step &amp; go <a class="anchor" href="#step-go" aria-label="Link to this section: Step &amp; go">#</a></h2>
            <h2 id="step-go-1">Step &amp; go <a class="anchor" href="#step-go-1" aria-label="Link to this section: Step &amp; go">#</a></h2>
            <h2 class="wide" id="mine">Custom <a class="anchor" href="#mine" aria-label="Link to this section: Custom">#</a></h2>

            """)
        #expect(html("# Plain", options: MarkdownOptions(headingAnchors: false)) == "<h1 id=\"plain\">Plain</h1>\n")
    }

    @Test func codeBlocksGetChromeAndEscapedCode() {
        #expect(html("```sh\necho \"<b>\" && exit\n```") == """
            <div class="code-block" data-lang="sh"><button class="copy-button" type="button" aria-label="Copy">Copy</button>\
            <pre><code class="language-sh">echo &quot;&lt;b&gt;&quot; &amp;&amp; exit
            </code></pre></div>

            """)
        #expect(html("    indented\n") == "<div class=\"code-block\"><button class=\"copy-button\" type=\"button\" aria-label=\"Copy\">Copy</button><pre><code>indented\n</code></pre></div>\n")
    }

    @Test func highlightedCodeIsTokensInSpansEscapedAndUnchanged() {
        let options = MarkdownOptions(highlightsCode: true)
        #expect(html("```sh\necho \"<b>\" && exit\n```", options: options) == """
            <div class="code-block" data-lang="sh"><button class="copy-button" type="button" aria-label="Copy">Copy</button>\
            <pre><code class="language-sh"><span class="hl-command">echo</span> <span class="hl-string">&quot;&lt;b&gt;&quot;</span> \
            <span class="hl-operator">&amp;&amp;</span> <span class="hl-command">exit</span>
            </code></pre></div>

            """)
        // An output block ({:.no-copy-code}) is highlighted too, without a Copy button; unknown languages stay plain.
        let output = html("```json\n{\"ok\": true}\n```\n{:.no-copy-code}\n", options: options)
        #expect(output.contains("<span class=\"hl-key\">&quot;ok&quot;</span>: <span class=\"hl-keyword\">true</span>"))
        #expect(!output.contains("copy-button"))
        #expect(html("```python\nprint(1)\n```", options: options).contains("<code class=\"language-python\">print(1)\n</code>"))
    }

    @Test func noCopyCodeOmitsTheButtonAndStepAttributesNeverShow() {
        let out = html("""
            ```sh { background=true ready="http://127.0.0.1:8200" timeout=30s retry=3 interval=1s exit=0 expect=ok provider=auth0 informational=true }
            vault server -dev
            ```
            {: .no-copy-code data-test-step="block" data-test-prereq='block' data-deployment-topology="on-prem" title="a \\"b\\" <c>" }
            """, options: MarkdownOptions(hiddenAttributeKeys: ["background", "ready", "timeout", "retry", "interval", "exit", "expect", "provider", "informational"]))
        #expect(out.hasPrefix(#"<div class="code-block no-copy-code" data-deployment-topology="on-prem" title="a &quot;b&quot; &lt;c&gt;" data-lang="sh"><pre>"#))
        for hidden in ["copy-button", "data-test", "background", "ready", "timeout", "retry", "interval", "exit=", "expect", "provider", "informational", "{"] {
            #expect(!out.contains(hidden), "\(hidden) leaked into \(out)")
        }
    }

    @Test(arguments: ["info", "warning", "danger", "tip", "note", "important"])
    func calloutsRenderAsNotes(kind: String) {
        #expect(html("{:.\(kind)}\n> **Note:** text") == """
            <div class="callout callout-\(kind)" role="note">
            <p><strong>Note:</strong> text</p>
            </div>

            """)
    }

    @Test func otherBlockquoteClassesStayBlockquotes() {
        #expect(html("> quoted\n{:.aside #q}") == "<blockquote class=\"aside\" id=\"q\">\n<p>quoted</p>\n</blockquote>\n")
        #expect(html("> quoted") == "<blockquote>\n<p>quoted</p>\n</blockquote>\n")
    }

    @Test func calloutsKeepCustomChildrenRendering() {
        let out = html("> Run:\n>\n> ```sh\n> ls\n> ```\n{:.tip}")
        #expect(out.hasPrefix("<div class=\"callout callout-tip\" role=\"note\">\n<p>Run:</p>\n<div class=\"code-block\" data-lang=\"sh\">"))
        #expect(out.hasSuffix("</code></pre></div>\n</div>\n"))
    }

    @Test func tablesRenderWithAlignmentAndInlineMarkdown() {
        let out = html("| Name | `Code` | Right |\n|:-----|:------:|------:|\n| **bold** | `a\\|b` | # not a heading |\n| x |")
        #expect(out == """
            <table>
            <thead>
            <tr>
            <th style="text-align: left">Name</th>
            <th style="text-align: center"><code>Code</code></th>
            <th style="text-align: right">Right</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td style="text-align: left"><strong>bold</strong></td>
            <td style="text-align: center"><code>a|b</code></td>
            <td style="text-align: right"># not a heading</td>
            </tr>
            <tr>
            <td style="text-align: left">x</td>
            <td style="text-align: center"></td>
            <td style="text-align: right"></td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test func tableInsideBlockquoteAndNonTableParagraphs() {
        #expect(html("> | a |\n> |---|\n> | 1 |").contains("<td>1</td>"))
        #expect(html("- | a | b |\n  |---|---|\n  | 1 | 2 |").contains("<li>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>"))
        #expect(html("a | b\nc | d") == "<p>a | b\nc | d</p>\n")
    }

    @Test func rawHTMLIsOmittedUnlessAllowed() {
        let text = "<div class=\"x\">raw</div>\n\nText <span>inline</span> [l](javascript:alert(1))."
        let safe = html(text)
        #expect(!safe.contains("<div"))
        #expect(!safe.contains("<span>"))
        #expect(safe.contains("<!-- raw HTML omitted -->"))
        #expect(safe.contains("href=\"\""))
        let unsafe = html(text, options: MarkdownOptions(allowRawHTML: true))
        #expect(unsafe.contains("<div class=\"x\">raw</div>"))
        #expect(unsafe.contains("<span>inline</span>"))
    }

    @Test func placeholdersReplaceWholeParagraphsAndInlineTokens() {
        let options = MarkdownOptions(placeholders: ["HOWTO-PH-1": "<nav class=\"tabs\">tabs</nav>\n", "HOWTO-PH-2": "<b>v3.4+</b>"])
        let doc = MarkdownDocument.parse("Intro\n\nHOWTO-PH-1\n\nNew HOWTO-PH-2 here.", file: "doc.md", options: options)
        #expect(doc.html == "<p>Intro</p>\n<nav class=\"tabs\">tabs</nav>\n\n<p>New <b>v3.4+</b> here.</p>\n")
        #expect(doc.plainText == "Intro\nHOWTO-PH-1\nNew HOWTO-PH-2 here.")
    }

    @Test func theLongestPlaceholderTokenWins() {
        let tokens = (1...12).reduce(into: [String: String]()) { $0["HOWTO-PH-\($1)"] = "[\($1)]" }
        let out = html("HOWTO-PH-1 HOWTO-PH-10 HOWTO-PH-12\n\nHOWTO-PH-11", options: MarkdownOptions(placeholders: tokens))
        #expect(out == "<p>[1] [10] [12]</p>\n[11]\n")
    }

    @Test func codeBlockHookReplacesChosenBlocks() {
        let options = MarkdownOptions(codeBlockHTML: { code in
            code.language == "mermaid" ? "<pre class=\"mermaid\">\(code.literal)</pre>\n" : nil
        })
        let out = html("```mermaid\ngraph\n```\n\n```sh\nls\n```", options: options)
        #expect(out.hasPrefix("<pre class=\"mermaid\">graph\n</pre>\n<div class=\"code-block\" data-lang=\"sh\">"))
    }

    @Test func listsKeepCmarkRenderingAroundCustomBlocks() {
        let out = html("1. Run:\n   ```sh\n   ls\n   ```\n   {:.no-copy-code}\n2. Done\n{: .steps }")
        #expect(out == """
            <ol class="steps">
            <li>Run:
            <div class="code-block no-copy-code" data-lang="sh"><pre><code class="language-sh">ls
            </code></pre></div>
            </li>
            <li>Done</li>
            </ol>

            """)
    }

    @Test func paragraphAttributesNeedAParagraphTag() {
        #expect(html("text\n{: .lead data-x=\"1\" }") == "<p class=\"lead\" data-x=\"1\">text</p>\n")
        #expect(html("- a\n  {:.x}") == "<ul>\n<li>a</li>\n</ul>\n")
    }

    @Test func attributeListsNeverReachTheOutput() {
        let out = html("""
            # T {: data-x="1" }
            {:.lead}

            Para
            {:.lead}

            - a
            {:.x}

            > q
            {:.warning}

            {:.info}
            > r

            | a |
            |---|
            {:.t}
            """)
        #expect(!out.contains("{:"))
        #expect(!out.contains("{"))
    }
}
