/// The WebText module: text made safe for web pages, shared by Liquid, Markdown and the site (HTML escaping and
/// Jekyll's URL slugs), so each rule has one home.

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
}
