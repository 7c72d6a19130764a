import Foundation
import HowTo
@testable import Site
import Testing

@Suite("FAQSchema")
struct FAQSchemaTests {
    @Test("text that would close the script element is escaped and the JSON still round-trips")
    func escapesScriptEnd() throws {
        let hostile = "Use </script><script>alert(1)</script> & <!-- this -->"
        let schema = FAQSchema(faqs: [
            FAQ(question: "Q1 <b>?", questionHTML: "Q1", answerHTML: "<p>x</p>", answerText: hostile),
            FAQ(question: "Q2", questionHTML: "Q2", answerHTML: "<p>y</p>", answerText: "plain"),
        ])
        let text = try schema.scriptText()
        #expect(!text.contains("<"))
        #expect(!text.contains(">"))
        #expect(!text.contains("&"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let entities = try #require(object["mainEntity"] as? [[String: Any]])
        #expect(entities.count == 2)
        #expect(entities[0]["name"] as? String == "Q1 <b>?")
        #expect((entities[0]["acceptedAnswer"] as? [String: Any])?["text"] as? String == hostile)
        #expect(text.hasPrefix("{\"@context\":\"https:\\/\\/schema.org\",\"@type\":\"FAQPage\""))
    }
}
