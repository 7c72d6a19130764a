import Foundation

/// One element cut out of a built page, for snapshot comparisons: the element that opens at the last
/// `opening` before `needle` and closes at its matching end tag.
enum HTMLFragment {
    private static let voidElements: Set<String> = ["br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area"]

    /// The element's HTML, or nil when the needle or the opening is not on the page.
    static func element(in html: String, opening: String, containing needle: String) -> String? {
        guard let at = html.range(of: needle)?.lowerBound,
              let start = html.range(of: opening, options: .backwards, range: html.startIndex..<at)?.lowerBound else { return nil }
        var depth = 0
        var index = start
        while let open = html[index...].firstIndex(of: "<") {
            if html[open...].hasPrefix("<!--") {
                index = html[open...].range(of: "-->")?.upperBound ?? html.endIndex
                continue
            }
            guard let close = html[open...].firstIndex(of: ">") else { return nil }
            let tag = html[html.index(after: open)..<close]
            let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber || $0 == "-" }.lowercased()
            if tag.hasPrefix("/") { depth -= 1 } else if !voidElements.contains(name) && !tag.hasSuffix("/") { depth += 1 }
            index = html.index(after: close)
            if depth == 0 { return String(html[start..<index]) }
        }
        return nil
    }
}
