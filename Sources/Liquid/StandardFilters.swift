import WebText

/// The built-in filters: default, append, prepend, downcase, upcase, strip, join, split, first, last,
/// size, slugify, escape, indent (`indent: N`, default 3: N spaces before every non-empty line but the
/// first, which sits where the tag is) and replace. `markdownify` is not one of them: the caller supplies it.
public enum StandardFilters {
    /// Every built-in filter by name.
    public static let all: [String: LiquidFilter] = [
        "default": { input, args in
            let fallback = try argument(args, 1, "default")[0]
            return input == .null || input == .bool(false) || input.isEmpty ? fallback : input
        },
        "append": { input, args in .string(input.text + (try argument(args, 1, "append")[0].text)) },
        "prepend": { input, args in .string((try argument(args, 1, "prepend")[0].text) + input.text) },
        "downcase": { input, args in _ = try argument(args, 0, "downcase"); return .string(input.text.lowercased()) },
        "upcase": { input, args in _ = try argument(args, 0, "upcase"); return .string(input.text.uppercased()) },
        "strip": { input, args in _ = try argument(args, 0, "strip"); return .string(input.text.trimmingLiquidSpace()) },
        "lstrip": { input, args in _ = try argument(args, 0, "lstrip"); return .string(String(input.text.drop(while: \.isWhitespace))) },
        "rstrip": { input, args in
            _ = try argument(args, 0, "rstrip")
            return .string(String(input.text.reversed().drop(while: \.isWhitespace).reversed()))
        },
        "join": { input, args in
            let separator = args.isEmpty ? " " : try argument(args, 1, "join")[0].text
            return .string(input.elements.map(\.text).joined(separator: separator))
        },
        "split": { input, args in
            let separator = try argument(args, 1, "split")[0].text
            let text = input.text
            if separator.isEmpty { return .array(text.map { .string(String($0)) }) }
            var parts = text.split(separator: separator, omittingEmptySubsequences: false).map { String($0) }
            while parts.last?.isEmpty == true { parts.removeLast() }
            return .array(parts.map(LiquidValue.string))
        },
        "first": { input, args in
            _ = try argument(args, 0, "first")
            if case .array(let a) = input { return a.first ?? .null }
            return .null
        },
        "last": { input, args in
            _ = try argument(args, 0, "last")
            if case .array(let a) = input { return a.last ?? .null }
            return .null
        },
        "size": { input, args in
            _ = try argument(args, 0, "size")
            switch input {
            case .array(let a): return .int(a.count)
            case .dictionary(let d): return .int(d.count)
            case .string(let s): return .int(s.count)
            default: return .int(0)
            }
        },
        "slugify": { input, args in _ = try argument(args, 0, "slugify"); return .string(JekyllSlug.slug(input.text)) },
        "escape": { input, args in _ = try argument(args, 0, "escape"); return .string(HTMLEscaping.escape(input.text, apostrophes: true)) },
        "indent": { input, args in
            guard args.count <= 1 else { throw LiquidError.argumentCount(filter: "indent", expected: "0 or 1", got: args.count) }
            let count = args.first.map { $0.integer } ?? 3
            guard let count, (0...200).contains(count) else {
                throw LiquidError.invalidArgument(filter: "indent", expected: "a number of spaces from 0 to 200", got: args[0].text)
            }
            return .string(indent(input.text, by: count))
        },
        "replace": { input, args in
            let a = try argument(args, 2, "replace")
            let target = a[0].text
            guard !target.isEmpty else { return .string(input.text) }
            return .string(input.text.replacing(target, with: a[1].text))
        },
    ]

    /// Checks the argument count.
    private static func argument(_ args: [LiquidValue], _ count: Int, _ filter: String) throws(LiquidError) -> [LiquidValue] {
        guard args.count == count else { throw LiquidError.argumentCount(filter: filter, expected: String(count), got: args.count) }
        return args
    }

    /// Prefixes every line but the first (which sits where the tag is) with `count` spaces; empty
    /// lines stay empty.
    static func indent(_ text: String, by count: Int) -> String {
        let pad = String(repeating: " ", count: count)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for i in lines.indices.dropFirst() where !lines[i].isEmpty { lines[i] = Substring(pad + lines[i]) }
        return lines.joined(separator: "\n")
    }
}
