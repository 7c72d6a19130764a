import Foundation

/// Finds the `href` targets in rendered HTML.
enum HTMLLinks {
    /// Every `href="..."` value in `html`, entity-decoded (`&amp;` → `&`), in document order.
    static func hrefs(in html: String) -> [String] {
        let marker = "href=\""
        guard html.contains(marker) else { return [] }
        return html.components(separatedBy: marker).dropFirst().compactMap { piece in
            guard let end = piece.firstIndex(of: "\"") else { return nil }
            return decode(String(piece[..<end]))
        }
    }

    /// Decodes the entities the HTML renderer writes inside attribute values.
    private static func decode(_ value: String) -> String {
        guard value.contains("&") else { return value }
        return value
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
