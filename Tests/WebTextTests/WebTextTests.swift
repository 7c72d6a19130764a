import Testing
import WebText

/// The one HTML escaper and the one Jekyll slug rule.
@Suite struct WebTextTests {
    @Test(arguments: [
        ("a & b < c > d \"e\"", false, "a &amp; b &lt; c &gt; d &quot;e&quot;"),
        ("it's", false, "it's"), ("it's", true, "it&#39;s"), ("plain", true, "plain"), ("é <ü>", false, "é &lt;ü&gt;"),
    ])
    func escapesTheFiveCharacters(_ text: String, _ apostrophes: Bool, _ escaped: String) {
        #expect(HTMLEscaping.escape(text, apostrophes: apostrophes) == escaped)
    }

    @Test(arguments: [
        ("Gateway API", "gateway-api"), ("  decK & KIC ", "deck-kic"), ("Konnect API (v2)", "konnect-api-v2"),
        ("Über_Größe", "über-größe"), ("---", ""), ("v3.13", "v3-13"),
    ])
    func slugsJoinRunsOfLettersAndDigits(_ text: String, _ slug: String) {
        #expect(JekyllSlug.slug(text) == slug)
    }
}
