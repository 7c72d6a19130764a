/// YAML documents that try to exhaust a reader, for the tests of untrusted content.
public enum HostileYAML {
    /// "Billion laughs": `levels` anchored lists of nine aliases of the previous one (nine levels,
    /// about 400 bytes, stand for 9^9 = 387 million scalars). Each line is `lN: &lN [...]`, starting
    /// at line 1 of the returned text; `indent` is put in front of every line.
    public static func aliasBomb(levels: Int = 9, indent: String = "") -> String {
        var lines = ["\(indent)l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1..<levels {
            let aliases = Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("\(indent)l\(level): &l\(level) [\(aliases)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The 1-based line of `aliasBomb(levels:)` where 100 000 aliased nodes are passed: lines 2 to 5
    /// bring in 74 718 nodes, the first `*l4` of line 6 another 66 430 (lists count as nodes too).
    public static let aliasBombLimitLine = 6

    /// `depth` nested flow lists: `[[[...]]]`, one line.
    public static func deepNesting(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
    }
}
