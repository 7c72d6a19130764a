/// URL- and id-safe slugs: lowercase ASCII letters and digits joined by single dashes.
enum Slug {
    /// `"How do I rotate secrets?"` → `how-do-i-rotate-secrets`; empty input gives `"section"`.
    static func make(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let lower = scalar.properties.lowercaseMapping
            if lower.unicodeScalars.count == 1, let c = lower.unicodeScalars.first, c.isASCII,
               (c >= "a" && c <= "z") || (c >= "0" && c <= "9") {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(c)
                pendingDash = false
            } else if scalar == "_" || scalar == "-" || scalar.properties.isWhitespace || scalar.isASCII {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}

/// Hands out ids unique within one page: a taken id gets `-2`, `-3`, ... appended.
struct IDAllocator {
    private var used: Set<String>

    /// Starts with the ids already on the page (headings).
    init(taken: some Sequence<String>) { used = Set(taken) }

    /// A unique id derived from `text`.
    mutating func allocate(for text: String) -> String {
        let base = Slug.make(text)
        var id = base
        var n = 2
        while used.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        used.insert(id)
        return id
    }
}
