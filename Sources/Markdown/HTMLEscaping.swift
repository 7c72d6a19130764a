/// HTML escaping for text and double-quoted attribute values.
public enum HTMLEscaping {
    /// `&`, `<`, `>` and `"` as entities, and `'` as `&#39;` when `apostrophes` (as Mustache escapes).
    public static func escape(_ text: String, apostrophes: Bool = false) -> String {
        let apostrophe: UInt8 = apostrophes ? 39 : 0
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == apostrophe }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for c in text.utf8 {
            switch c {
            case 38: out.append(contentsOf: "&amp;".utf8)
            case 60: out.append(contentsOf: "&lt;".utf8)
            case 62: out.append(contentsOf: "&gt;".utf8)
            case 34: out.append(contentsOf: "&quot;".utf8)
            case apostrophe where apostrophes: out.append(contentsOf: "&#39;".utf8)
            default: out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// ` class="..." id="..." key="value"` for the attributes an element shows, classes first.
    static func attributes(_ attributes: Attributes, extraClasses: [String] = [], options: MarkdownOptions) -> String {
        var out = ""
        let classes = extraClasses + attributes.classes.filter { !extraClasses.contains($0) }
        if !classes.isEmpty { out += " class=\"\(escape(classes.joined(separator: " ")))\"" }
        if let id = attributes.id { out += " id=\"\(escape(id))\"" }
        for (key, value) in attributes.pairs where options.rendersAttribute(key) {
            out += " \(escape(key))=\"\(escape(value))\""
        }
        return out
    }
}
