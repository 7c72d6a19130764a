/// Byte-level string helpers for the page-loading hot paths: Foundation's `contains`, `range(of:)` and
/// `trimmingCharacters(in:)` bridge through NSString and showed up at several percent of a site build.
extension String {
    /// Whether `needle` occurs in the string (a byte search; an empty needle always occurs).
    func containsBytes(_ needle: String) -> Bool {
        guard !needle.isEmpty else { return true }
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard h.count >= n.count else { return false }
                let first = n[0]
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n.count, h[i + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// The string without leading and trailing white space (Unicode White_Space, newlines included).
    var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }

    /// Whether the string is empty or only white space.
    var isBlank: Bool { unicodeScalars.allSatisfy(\.properties.isWhitespace) }
}
