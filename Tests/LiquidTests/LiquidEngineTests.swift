import Diagnostics
import Liquid
import Testing

/// Robustness and speed of whole renders.
@Suite struct LiquidEngineTests {
    static let page = """
        ---
        Set up {{ site.base_gateway }} with Vault.{% new_in 3.4 %}

        {% if page.works_on contains 'on-prem' -%}
        1. Start:

           ```sh
           {{ command | indent: 3 }}
           ```
        {%- endif %}

        {% for tag in page.tags %}- {{ tag | upcase }}{% unless forloop.last %},{% endunless %}
        {% endfor %}
        {% capture note %}Use {{ site.konnect_short_name | default: 'Konnect' }}.{% endcapture %}{{ note }}
        {% raw %}${{ env "DECK_HCV_TOKEN" }}{% endraw %}
        {% entity_examples %}
        entities:
          vaults:
            - name: hcv
        {% endentity_examples %}

        """

    static let engine = LiquidEngine(
        tags: ["new_in": { call in "v\(call.arguments)+" }],
        blocks: ["entity_examples": { call in "```yaml\n\(call.body)```" }])

    static let context: [String: LiquidValue] = [
        "site": ["base_gateway": "Kong Gateway"],
        "page": ["works_on": ["on-prem", "konnect"], "tags": ["vault", "oauth2", "secrets"]],
        "command": "vault server -dev\nvault status",
    ]

    @Test func tenMegabytesRenderQuicklyWithoutProblems() {
        let copies = 10_000_000 / Self.page.utf8.count + 1
        let source = String(repeating: Self.page, count: copies)
        let single = Self.engine.render(Self.page, file: "big.md", context: Self.context).output
        let clock = ContinuousClock()
        var result: LiquidResult?
        let elapsed = clock.measure { result = Self.engine.render(source, file: "big.md", context: Self.context) }
        let rendered = try! #require(result)
        #expect(rendered.diagnostics.isEmpty)
        #expect(rendered.output == String(repeating: single, count: copies))
        #expect(rendered.sourceLines.count == rendered.output.utf8.count { $0 == UInt8(ascii: "\n") } + 1)
        #expect(rendered.sourceLines.last?.line == source.utf8.count { $0 == UInt8(ascii: "\n") } + 1)
        #expect(elapsed < .seconds(60), "10 MB took \(elapsed)")
    }

    @Test func tutorialPagesRenderFast() {
        let tutorial = String(repeating: Self.page, count: 10)  // about 200 lines
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<200 { _ = Self.engine.render(tutorial, file: "t.md", context: Self.context) }
        }
        // 200 pages; the release build is about 20 times faster than this debug build.
        #expect(elapsed < .seconds(10), "200 tutorial pages took \(elapsed)")
    }

    @Test func randomBytesNeverCrash() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0..<3_000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let result = Self.engine.render(String(decoding: bytes, as: UTF8.self), file: "r.md", context: Self.context)
            #expect(result.sourceLines.count == result.output.utf8.count { $0 == UInt8(ascii: "\n") } + 1)
        }
    }

    @Test func randomLiquidSoupNeverCrashes() {
        let pieces = ["{{", "}}", "{%", "%}", "-", " ", "\n", "if", "elsif", "else", "endif", "unless", "endunless",
                      "for x in (1..3)", "for", "endfor", "raw", "endraw", "comment", "endcomment", "capture c",
                      "endcapture", "assign a = 1", "include loop.md k=x", "entity_examples", "endentity_examples",
                      "new_in 3.4", "x.y[0]", "|", "upcase", "default:", "'q'", "\"", "(", "..", ")", "==", "and",
                      "contains", "é", "\u{0}", "[", "]", "mystery", "endmystery", "limit:", "reversed", "{", "%", "}"]
        var generator = SeededGenerator(seed: 7)
        let engine = LiquidEngine(tags: ["new_in": { _ in "v" }], blocks: ["entity_examples": { $0.body }],
                              includes: { _ in IncludeSource(text: "{% include loop.md %}{{ include.k }}", file: "loop.md") })
        for _ in 0..<1_000 {
            let source = (0..<Int.random(in: 0..<80, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let result = engine.render(source, file: "soup.md", context: Self.context, strict: Bool.random(using: &generator))
            #expect(result.sourceLines.count == result.output.utf8.count { $0 == UInt8(ascii: "\n") } + 1, "\(source)")
            #expect(result.diagnostics.count <= 101)
        }
    }
}

/// A deterministic random number generator (SplitMix64) so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
