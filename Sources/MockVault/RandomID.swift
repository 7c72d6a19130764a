import Foundation

/// Random identifiers in the shapes Vault uses.
enum RandomID {
    private static let alphanumerics = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// A lower-case UUID.
    static func uuid() -> String { UUID().uuidString.lowercased() }

    /// `count` random letters and digits.
    static func alphanumeric(_ count: Int) -> String {
        String((0..<count).map { _ in alphanumerics.randomElement()! })
    }

    /// `count` random hex digits.
    static func hex(_ count: Int) -> String {
        String((0..<count).map { _ in "0123456789abcdef".randomElement()! })
    }

    /// `count` random bytes.
    static func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255) }
    }

    /// A service token: `s.` and 24 characters.
    static func serviceToken() -> String { "s." + alphanumeric(24) }

    /// A batch token: `b.AAAAAQ` and a long url-safe tail.
    static func batchToken() -> String {
        "b.AAAAAQ" + Data(bytes(140)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// Vault's timestamp formats.
enum VaultTime {
    /// RFC 3339 with nanoseconds, as Go prints `time.Time` in JSON.
    static func rfc3339Nano(_ date: Date) -> String {
        let seconds = floor(date.timeIntervalSince1970)
        let nanos = Int(((date.timeIntervalSince1970 - seconds) * 1_000_000_000).rounded())
        var base = rfc3339(Date(timeIntervalSince1970: seconds))
        guard nanos > 0 else { return base }
        var fraction = String(format: "%09d", min(nanos, 999_999_999))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        base.removeLast()
        return base + "." + fraction + "Z"
    }

    /// RFC 3339 with whole seconds.
    static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
