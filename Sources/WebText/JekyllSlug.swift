/// Jekyll's `slugify`: the text lowercased, runs of letters and digits joined by single `-` (a tab's slug, the
/// Liquid filter).
public enum JekyllSlug {
    /// `"Gateway API"` → `gateway-api`, `"  decK & KIC "` → `deck-kic`.
    public static func slug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else {
                pendingDash = true
            }
        }
        return slug
    }
}
