import Mustache

/// HTML escaping for templates, byte by byte: the same five characters as swift-mustache's own HTML
/// content type (`<`, `>`, `&`, `"`, `'`), which walks Characters through a dictionary and cost about 8%
/// of a site build. `TemplateSet` puts every template under it.
struct HTMLContentType: MustacheContentType {
    /// The name templates select it by (`{{% CONTENT_TYPE: HOWTO_HTML }}`).
    static let name = "HOWTO_HTML"

    /// Registers the content type with swift-mustache (once; later calls do nothing).
    static let register: Void = MustacheContentTypes.register(HTMLContentType(), named: name)

    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: Self.needsEscape) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
