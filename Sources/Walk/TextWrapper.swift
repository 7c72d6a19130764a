/// Fills words into lines no wider than a given number of columns, with a prefix on each line.
struct TextWrapper {
    /// The width lines are filled to, prefix included.
    let width: Int

    /// `words` filled into lines; `first` prefixes the first line and `rest` the others (a hanging indent).
    func wrap(_ words: [StyledWord], first: String, firstColumns: Int, rest: String, restColumns: Int) -> [String] {
        var lines: [String] = []
        var line = first
        var used = firstColumns
        var empty = true
        let available = { (prefix: Int) in max(8, width - prefix) }
        for word in words {
            let needed = (empty || word.glued ? 0 : 1) + word.columns
            if !empty, used + needed > width {
                lines.append(line)
                line = rest
                used = restColumns
                empty = true
            }
            if empty {
                // A word longer than a whole line is cut into line-sized pieces.
                var remaining = word
                while remaining.columns > available(used), remaining.painted == Self.plainPrefix(remaining) {
                    let take = available(used)
                    let head = String(remaining.painted.prefix(take))
                    lines.append(line + head)
                    line = rest
                    used = restColumns
                    remaining = StyledWord(painted: String(remaining.painted.dropFirst(take)), columns: remaining.columns - take, glued: false)
                }
                line += remaining.painted
                used += remaining.columns
            } else {
                line += (word.glued ? "" : " ") + word.painted
                used += needed
            }
            empty = false
        }
        if !empty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The word's text when it carries no ANSI codes (only such words are cut).
    private static func plainPrefix(_ word: StyledWord) -> String {
        word.painted.contains("\u{1B}") ? "" : word.painted
    }
}
