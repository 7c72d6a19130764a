import Foundation

/// Go `time.Duration` text: parsing flag values and printing as Go and the Vault CLI do.
enum GoDuration {
    /// Seconds from a Go duration (`1h30m`, `90s`, `2m0s`) or a bare number of seconds, as Vault's duration flags accept.
    static func seconds(_ text: String) -> Int? {
        if let n = Int(text) { return n }
        var total = 0.0
        var rest = Substring(text)
        guard !rest.isEmpty else { return nil }
        let units: [(String, Double)] = [("ms", 0.001), ("h", 3600), ("m", 60), ("s", 1)]
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isNumber || $0 == "." }
            guard !digits.isEmpty, let value = Double(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            rest = rest.dropFirst(unit.0.count)
            total += value * unit.1
        }
        return Int(total)
    }

    /// `time.Duration.String()` for whole seconds (`1h0m0s`, `2m0s`, `0s`).
    static func goString(seconds: Int) -> String {
        if seconds == 0 { return "0s" }
        let sign = seconds < 0 ? "-" : ""
        let s = abs(seconds)
        let h = s / 3600, m = (s % 3600) / 60, sec = s % 60
        if h > 0 { return "\(sign)\(h)h\(m)m\(sec)s" }
        if m > 0 { return "\(sign)\(m)m\(sec)s" }
        return "\(sign)\(sec)s"
    }

    /// The CLI's `humanDuration`: Go's text without trailing zero units (`768h`, `2m`, `1m30s`).
    static func human(seconds: Int) -> String {
        var s = goString(seconds: seconds)
        if s.hasSuffix("m0s") { s.removeLast(2) }
        if let r = s.range(of: "h0m"), r.lowerBound > s.startIndex {
            s.replaceSubrange(r, with: "h")
        }
        return s
    }

    /// The CLI's `humanDurationInt`: integral JSON numbers become durations, anything else is unchanged.
    static func human(_ value: JSONValue) -> String {
        if let n = value.intValue { return human(seconds: n) }
        return value.goDescription
    }
}
