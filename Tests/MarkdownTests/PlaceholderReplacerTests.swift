@testable import Markdown
import Testing

@Suite struct PlaceholderReplacerTests {
    @Test func replacesWholeParagraphsAndInlineTokens() {
        let replacer = PlaceholderReplacer(["T1": "<div>one</div>", "T2": "<b>two</b>"])
        #expect(replacer.replace(in: "<p>T1</p>\n<p>a T2 b</p>\n<li>T1</li>") == "<div>one</div>\n<p>a <b>two</b> b</p>\n<li><div>one</div></li>")
    }

    @Test func leavesTextWithoutTokensAlone() {
        #expect(PlaceholderReplacer(["T9": "x"]).replace(in: "<p>T T8 é</p>") == "<p>T T8 é</p>")
        #expect(PlaceholderReplacer([:]).replace(in: "T9") == "T9")
    }
}
