import Foundation

/// Finds the `href` targets in rendered HTML.
enum HTMLLinks {
    /// Every `href="..."` value in `html`, entity-decoded (`&amp;` → `&`), in document order.
    static func hrefs(in html: String) -> [String] {
        // A byte scan: Foundation's `components(separatedBy:)` was a tenth of `check` on Kong's corpus.
        let marker = Array("href=\"".utf8)
        let bytes = Array(html.utf8)
        var links: [String] = []
        var i = 0
        while i + marker.count <= bytes.count {
            guard bytes[i] == marker[0], bytes[i..<(i + marker.count)].elementsEqual(marker) else { i += 1; continue }
            let start = i + marker.count
            guard let close = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            links.append(decode(String(decoding: bytes[start..<close], as: UTF8.self)))
            i = close + 1
        }
        return links
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
