import Diagnostics
import Foundation
import Liquid
import Markdown
import Testing
import Yams
@testable import HowTo

@Suite struct TmpProfileTests {
    @Test func profile() throws {
        let text = try String(contentsOfFile: TestSupport.tutorial, encoding: .utf8)
        let bytes = Array(text.utf8)
        let clock = ContinuousClock()
        let n = 20
        let source = try SourceFile(path: "x", bytes: bytes)
        print("split", clock.measure { for _ in 0..<n { _ = try? SourceFile(path: "x", bytes: bytes) } } / n)
        print("compose", clock.measure { for _ in 0..<n { _ = try? Yams.compose(yaml: source.frontMatter) } } / n)
        let env = RenderEnvironment(variables: ["site": .dictionary(["base_gateway": "Kong Gateway"])], includes: IncludeStore(root: TestSupport.contentRoot + "/_includes"), strict: false, allowRawHTML: false, tools: ["deck"], sink: KongSink())
        print("engine", clock.measure { for _ in 0..<n { _ = env.engine() } } / n)
        print("liquid body", clock.measure { for _ in 0..<n { _ = env.liquid(source.body, at: SourceLocation(file: "x", line: 111)) } } / n)
        let out = env.liquid(source.body, at: SourceLocation(file: "x", line: 111))
        print("cmark body", clock.measure { for _ in 0..<n { _ = MarkdownDocument.parse(out.output, file: "x", sourceLines: out.sourceLines) } } / n)
        let yaml = EntityExamplesTests.kongInput
        print("entity_examples", clock.measure { for _ in 0..<n { _ = try? EntityExamplesTests.render(yaml) } } / n)
        print("psych", clock.measure { for _ in 0..<n { _ = PsychYAML.string("hello world") } } / n)
        print("small liquid", clock.measure { for _ in 0..<n { _ = env.liquid("a {{site.base_gateway}} b", at: SourceLocation(file: "x", line: 1)) } } / n)
        print("small md", clock.measure { for _ in 0..<n { _ = env.markdown("a *b* c", at: SourceLocation(file: "x", line: 1)) } } / n)
    }
}
