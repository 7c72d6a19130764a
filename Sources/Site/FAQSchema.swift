import Foundation
import HowTo

/// The schema.org `FAQPage` JSON-LD of a page's FAQs, safe to embed in a `<script>` element.
struct FAQSchema: Encodable {
    private struct Answer: Encodable {
        let type = "Answer"
        let text: String
        enum CodingKeys: String, CodingKey { case type = "@type", text }
    }

    private struct Question: Encodable {
        let type = "Question"
        let name: String
        let acceptedAnswer: Answer
        enum CodingKeys: String, CodingKey { case type = "@type", name, acceptedAnswer }
    }

    private let context = "https://schema.org"
    private let type = "FAQPage"
    private let mainEntity: [Question]

    private enum CodingKeys: String, CodingKey { case context = "@context", type = "@type", mainEntity }

    /// The schema for `faqs` (question and answer as plain text).
    init(faqs: [FAQ]) {
        mainEntity = faqs.map { Question(name: $0.question, acceptedAnswer: Answer(text: $0.answerText)) }
    }

    /// Compact JSON with sorted keys; `<`, `>` and `&` are written as `\u003c`-style escapes so the
    /// text can never close the `<script>` element it sits in.
    func scriptText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var out: [UInt8] = []
        let json = try encoder.encode(self)
        out.reserveCapacity(json.count + 64)
        for byte in json {
            switch byte {
            case UInt8(ascii: "<"): out += Array(#"\u003c"#.utf8)
            case UInt8(ascii: ">"): out += Array(#"\u003e"#.utf8)
            case UInt8(ascii: "&"): out += Array(#"\u0026"#.utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
