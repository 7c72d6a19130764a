import HowTo

/// The schema.org `FAQPage` JSON-LD of a page's FAQs, safe to embed in a `<script>` element.
///
/// Written by hand rather than with `JSONEncoder` (which cost about 3% of a site build): compact, keys
/// sorted, strings escaped as `JSONEncoder` escapes them (`\/` included), and `<`, `>` and `&` written as
/// `\u003c`-style escapes so the text can never close the `<script>` element it sits in. The tests hold
/// the output byte for byte to `JSONEncoder`'s.
struct FAQSchema {
    private let entries: [(name: String, text: String)]

    /// The schema for `faqs` (question and answer as plain text).
    init(faqs: [FAQ]) {
        entries = faqs.map { ($0.question, $0.answerText) }
    }

    /// The JSON text.
    func scriptText() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256 + entries.reduce(0) { $0 + $1.name.utf8.count + $1.text.utf8.count })
        out += #"{"@context":"https:\/\/schema.org","@type":"FAQPage","mainEntity":["#.utf8
        for (index, entry) in entries.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += #"{"@type":"Question","acceptedAnswer":{"@type":"Answer","text":"#.utf8
            Self.append(entry.text, to: &out)
            out += #"},"name":"#.utf8
            Self.append(entry.name, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += "]}".utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` as a JSON string literal.
    private static func append(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += #"\""#.utf8
            case UInt8(ascii: "\\"): out += #"\\"#.utf8
            case UInt8(ascii: "/"): out += #"\/"#.utf8
            case 0x0A: out += #"\n"#.utf8
            case 0x0D: out += #"\r"#.utf8
            case 0x09: out += #"\t"#.utf8
            case 0x08: out += #"\b"#.utf8
            case 0x0C: out += #"\f"#.utf8
            case UInt8(ascii: "<"): out += #"\u003c"#.utf8
            case UInt8(ascii: ">"): out += #"\u003e"#.utf8
            case UInt8(ascii: "&"): out += #"\u0026"#.utf8
            case 0..<0x20: out += #"\u00"#.utf8 + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
