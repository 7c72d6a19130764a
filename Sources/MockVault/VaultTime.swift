import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Vault's timestamp formats (UTC, formatted by hand: this runs on every KV read).
enum VaultTime {
    /// RFC 3339 with nanoseconds, as Go prints `time.Time` in JSON (trailing zeros trimmed).
    static func rfc3339Nano(_ date: Date) -> String {
        let seconds = floor(date.timeIntervalSince1970)
        let nanos = min(999_999_999, Int(((date.timeIntervalSince1970 - seconds) * 1_000_000_000).rounded()))
        var text = base(Int(seconds))
        if nanos > 0 {
            var fraction = String(nanos)
            fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }

    /// RFC 3339 with whole seconds.
    static func rfc3339(_ date: Date) -> String {
        base(Int(floor(date.timeIntervalSince1970))) + "Z"
    }

    private static func base(_ epoch: Int) -> String {
        var time = time_t(epoch)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(parts.tm_year + 1900, 4) + "-" + pad(parts.tm_mon + 1, 2) + "-" + pad(parts.tm_mday, 2) + "T"
            + pad(parts.tm_hour, 2) + ":" + pad(parts.tm_min, 2) + ":" + pad(parts.tm_sec, 2)
    }
}
