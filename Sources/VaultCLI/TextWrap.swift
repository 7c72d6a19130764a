import Foundation

/// Minimum-raggedness word wrapping as `github.com/kr/text.Wrap`, which the Vault CLI
/// uses (via `wrapAtLength`, 78 columns) for its longer messages.
enum TextWrap {
    /// The CLI's maximum line width.
    static let maxLineLength = 78

    /// `wrapAtLengthWithPadding(s, pad)`.
    static func wrap(_ s: String, padding: Int = 0) -> String {
        let pad = String(repeating: " ", count: padding)
        return wrapped(s, limit: maxLineLength - padding)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { pad + $0 }
            .joined(separator: "\n")
    }

    /// `text.Wrap(s, limit)`.
    static func wrapped(_ s: String, limit: Int) -> String {
        let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ")
        let words = trimmed.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let n = words.count
        guard n > 0 else { return "" }
        let penalty = 100_000
        let lengths = words.map { $0.unicodeScalars.count }
        func length(_ i: Int, _ j: Int) -> Int { lengths[i...j].reduce(0, +) + (j - i) }
        var cost = [Int](repeating: Int(Int32.max), count: n)
        var next = [Int](repeating: n, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            if length(i, n - 1) <= limit || i == n - 1 {
                cost[i] = 0
                next[i] = n
                continue
            }
            for j in (i + 1)..<n {
                let used = length(i, j - 1)
                let d = limit - used
                var c = d * d + cost[j]
                if used > limit { c += penalty }
                if c < cost[i] { cost[i] = c; next[i] = j }
            }
        }
        var lines: [String] = []
        var i = 0
        while i < n {
            lines.append(words[i..<next[i]].joined(separator: " "))
            i = next[i]
        }
        return lines.joined(separator: "\n")
    }
}
