import Foundation
import HowTo
@testable import Site
import TestHelpers
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
        let text = schema.scriptText()
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

    /// What `JSONEncoder` writes for the same schema: the reference the hand-written JSON must equal.
    private struct Reference: Encodable {
        struct Answer: Encodable {
            let type = "Answer"
            let text: String
            enum CodingKeys: String, CodingKey { case type = "@type", text }
        }
        struct Question: Encodable {
            let type = "Question"
            let name: String
            let acceptedAnswer: Answer
            enum CodingKeys: String, CodingKey { case type = "@type", name, acceptedAnswer }
        }
        let context = "https://schema.org"
        let type = "FAQPage"
        let mainEntity: [Question]
        enum CodingKeys: String, CodingKey { case context = "@context", type = "@type", mainEntity }

        func text() throws -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return String(decoding: try encoder.encode(self), as: UTF8.self)
                .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
                .replacingOccurrences(of: "&", with: "\\u0026")
        }
    }

    @Test("the JSON equals JSONEncoder's, byte for byte, on generated text")
    func equalsJSONEncoder() throws {
        let alphabet = Array("ab \"\\/<>&é€😀\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F}") + ["\u{2028}"]
        var generator = SplitMix64(seed: 7)
        for count in 0..<200 {
            let faqs = (0..<(count % 3 + 1)).map { _ in
                let words = (0..<2).map { _ in String((0..<12).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }) }
                return FAQ(question: words[0], questionHTML: "", answerHTML: "", answerText: words[1])
            }
            let expected = try Reference(mainEntity: faqs.map { .init(name: $0.question, acceptedAnswer: .init(text: $0.answerText)) }).text()
            #expect(FAQSchema(faqs: faqs).scriptText() == expected)
        }
    }
}
