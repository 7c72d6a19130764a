/// "Did you mean …?" for a misspelt name: the known name closest to it, when a typo could explain the difference.
public enum Suggestion {
    /// The name in `known` nearest to `name` (case, `-` and `_` ignored; at most two edits and at most half its
    /// length; of equally near names the first in alphabetical order), or nil when none is that close.
    public static func closest(to name: String, in known: some Sequence<String>) -> String? {
        let wanted = normalized(name)
        let limit = min(2, max(1, wanted.count / 2))
        var best: (name: String, distance: Int)?
        for candidate in known.sorted() {
            let distance = editDistance(wanted, normalized(candidate))
            if distance <= limit, distance < best?.distance ?? .max { best = (candidate, distance) }
        }
        return best?.name
    }

    /// ` (did you mean `x`?)` for a message, or nothing.
    public static func hint(for name: String, in known: some Sequence<String>) -> String {
        closest(to: name, in: known).map { " (did you mean `\($0)`?)" } ?? ""
    }

    private static func normalized(_ name: String) -> [Character] {
        Array(name.lowercased().map { $0 == "-" ? "_" : $0 })
    }

    /// Levenshtein distance, with a swap of two neighbours counted as one edit.
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1) }
            }
        }
        return rows[a.count][b.count]
    }
}
