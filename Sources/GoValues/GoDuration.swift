import Foundation

/// GoValues: values as Vault's Go code reads and prints them, shared by the mock Vault (server side) and our
/// `vault` command (client side) so the two agree with each other and with OpenBao.

/// Durations as Vault reads them (`parseutil.ParseDurationSecond`) and as Go and the Vault CLI print them.
public enum GoDuration {
    /// Seconds in `text`: a bare integer is seconds, `Nd` is whole days, anything else goes through Go's
    /// `time.ParseDuration` (`1h30m`, `1.5h`, `300ms`, `-2m`); empty is 0. Nil when Vault would refuse it.
    public static func seconds(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return 0 }
        if let plain = Int(trimmed) { return plain }
        if trimmed.hasSuffix("d") {
            return Int(trimmed.dropLast()).map { $0 * 86_400 }
        }
        var rest = Substring(trimmed)
        var negative = false
        if rest.first == "-" || rest.first == "+" {
            negative = rest.first == "-"
            rest = rest.dropFirst()
        }
        if rest == "0" { return 0 }
        guard !rest.isEmpty else { return nil }
        let units: [(String, Double)] = [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("μs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600)]
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            // The longest unit that matches ("ms" before "m").
            guard let unit = units.filter({ rest.hasPrefix($0.0) }).max(by: { $0.0.count < $1.0.count }) else { return nil }
            rest = rest.dropFirst(unit.0.count)
            total += value * unit.1
        }
        let seconds = Int(total)
        return negative ? -seconds : seconds
    }

    /// `time.Duration.String()` for whole seconds (`1h0m0s`, `2m0s`, `0s`).
    public static func goString(seconds: Int) -> String {
        if seconds == 0 { return "0s" }
        let sign = seconds < 0 ? "-" : ""
        let s = abs(seconds)
        let h = s / 3600, m = (s % 3600) / 60, sec = s % 60
        if h > 0 { return "\(sign)\(h)h\(m)m\(sec)s" }
        if m > 0 { return "\(sign)\(m)m\(sec)s" }
        return "\(sign)\(sec)s"
    }

    /// Go's text without trailing zero units (`768h`, `2m`, `1m30s`): the CLI's `humanDuration`, and how
    /// the server words TTLs in its warnings.
    public static func human(seconds: Int) -> String {
        var s = goString(seconds: seconds)
        if s.hasSuffix("m0s") { s.removeLast(2) }
        if let r = s.range(of: "h0m"), r.lowerBound > s.startIndex {
            s.replaceSubrange(r, with: "h")
        }
        return s
    }
}
