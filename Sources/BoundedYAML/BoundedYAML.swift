/// The BoundedYAML module: the one way this project reads YAML (front matter, `_data/`, providers,
/// Kong block YAML, decK files). It composes with Yams after a linear pre-scan of libyaml's events
/// that refuses documents passing ``YAMLLimits``, so an alias bomb or a deeply nested document is an
/// error at its line instead of minutes of work and gigabytes of memory.
public import Yams

/// Composes YAML with bounded size, alias expansion and nesting.
public enum BoundedYAML {
    /// Composes the single document in `yaml` (nil when empty) after checking it against `limits`.
    ///
    /// Throws ``YAMLLimitError`` when a limit is passed, and Yams' `YamlError` for invalid YAML.
    public static func compose(_ yaml: String, resolver: Resolver = .default, limits: YAMLLimits = .default) throws -> Node? {
        try check(yaml, limits: limits)
        // The encoding is given: Yams' default reads the whole process environment on every call.
        return try Yams.compose(yaml: yaml, resolver, .default, .utf8)
    }

    /// Checks `yaml` against `limits` without composing it; syntax errors are left to the composer.
    public static func check(_ yaml: String, limits: YAMLLimits = .default) throws(YAMLLimitError) {
        let bytes = yaml.utf8.count
        if bytes > limits.maxBytes { throw YAMLLimitError(.tooLarge(bytes: bytes, limit: limits.maxBytes), line: 1, column: 1) }
        // Without `*` there is no alias; libyaml's own nesting limit (1000) and the size bound keep the
        // composer's recursion bounded, so only deep nesting is worth a scan: look for it cheaply.
        guard yaml.utf8.contains(UInt8(ascii: "*")) || Self.mayNestDeeply(yaml, limit: limits.maxDepth) else { return }
        var scan = YAMLEventScan(limits: limits)
        try scan.run(yaml)
    }

    /// Whether `yaml` has enough bracket or indentation levels that it could pass `limit` levels.
    private static func mayNestDeeply(_ yaml: String, limit: Int) -> Bool {
        var brackets = 0
        var indent = 0
        var atLineStart = true
        for byte in yaml.utf8 {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"): brackets += 1
            case UInt8(ascii: "\n"): atLineStart = true; indent = 0; continue
            // Compact block nesting (`- - x`, `? ? x`, `- : x`) opens a level per indicator on one line.
            case UInt8(ascii: " ") where atLineStart, UInt8(ascii: "-") where atLineStart,
                 UInt8(ascii: "?") where atLineStart, UInt8(ascii: ":") where atLineStart:
                indent += 1
                if indent >= limit / 2 { return true }
                continue
            default: break
            }
            atLineStart = false
            if brackets >= limit / 2 { return true }
        }
        return false
    }
}
