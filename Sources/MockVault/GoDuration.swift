import Foundation

/// Go-style durations as Vault accepts them for TTL fields ("1h0m0s", "300", "5m", 3600).
enum GoDuration {
    /// Seconds in `text`, or nil when Go's `time.ParseDuration` (or a plain integer) would reject it.
    static func seconds(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return 0 }
        if let plain = Int(trimmed) { return plain }
        var total = 0.0
        var rest = Substring(trimmed)
        var negative = false
        if rest.first == "-" || rest.first == "+" { negative = rest.first == "-"; rest = rest.dropFirst() }
        if rest == "0" { return 0 }
        guard !rest.isEmpty else { return nil }
        let units: [(String, Double)] = [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)]
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.0) && !(($0.0 == "m") && rest.hasPrefix("ms")) }) else { return nil }
            rest = rest.dropFirst(unit.0.count)
            total += value * unit.1
        }
        let seconds = Int(total)
        return negative ? -seconds : seconds
    }

    /// Seconds in a JSON field that may be a number or a duration string.
    static func seconds(_ value: JSONValue?) -> Int? {
        switch value {
        case nil, .null?: return 0
        case let .int(i)?: return i
        case let .double(d)?: return Int(d)
        case let .string(s)?: return seconds(s)
        default: return nil
        }
    }

    /// Seconds as Vault's TTL warnings print them: "768h", "1h30m", "45s" (no zero parts).
    static func short(_ seconds: Int) -> String {
        guard seconds > 0 else { return "0s" }
        let parts = [(seconds / 3600, "h"), (seconds % 3600 / 60, "m"), (seconds % 60, "s")]
        return parts.filter { $0.0 > 0 }.map { "\($0.0)\($0.1)" }.joined()
    }
}
