import Yams

/// The YAML 1.1 type of a plain scalar (bool, int, float, null, else str), decided on its bytes.
///
/// Yams resolves tags with one regular expression per rule on every plain scalar, which was the largest
/// single cost of loading a page. This matcher accepts exactly what Yams' `bool`, `int`, `float` and `null`
/// rules accept, in that order; the tests compare the two on a generated corpus.
enum ScalarTyping {
    private static let bools: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
    ]
    private static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// The tag Yams' default rules (without timestamp, merge and value) give `text`.
    static func tag(of text: String) -> Tag.Name {
        let bytes = Array(text.utf8)
        if bytes.count <= 5, bools.contains(text) { return .bool }
        if isInt(bytes[...]) { return .int }
        if isFloat(bytes[...]) { return .float }
        if bytes.count <= 4, nulls.contains(text) { return .null }
        return .str
    }

    private typealias Bytes = ArraySlice<UInt8>

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// `[-+]?`
    private static func dropSign(_ s: Bytes) -> Bytes {
        if let c = s.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") { return s.dropFirst() }
        return s
    }

    /// One or more bytes, each in `allowed`.
    private static func all(_ s: Bytes, _ allowed: (UInt8) -> Bool) -> Bool { !s.isEmpty && s.allSatisfy(allowed) }

    private static func isInt(_ text: Bytes) -> Bool {
        let s = dropSign(text)
        guard let first = s.first else { return false }
        let underscore = UInt8(ascii: "_")
        if first == UInt8(ascii: "0") {
            let rest = s.dropFirst()
            if rest.isEmpty { return true }                                               // 0
            if rest.first == UInt8(ascii: "b") { return all(rest.dropFirst()) { $0 == 48 || $0 == 49 || $0 == underscore } }
            if rest.first == UInt8(ascii: "x") {
                return all(rest.dropFirst()) { isDigit($0) || (65...70).contains($0) || (97...102).contains($0) || $0 == underscore }
            }
            let octal = rest.first == UInt8(ascii: "o") ? rest.dropFirst() : rest
            return all(octal) { (48...55).contains($0) || $0 == underscore }               // 0o?[0-7_]+
        }
        guard (49...57).contains(first) else { return false }
        let digits = s.dropFirst().prefix { isDigit($0) || $0 == underscore }
        let rest = s.dropFirst(1 + digits.count)
        if rest.isEmpty { return true }                                                   // [1-9][0-9_]*
        return isSexagesimalTail(rest)                                                    // [1-9][0-9_]*(:[0-5]?[0-9])+
    }

    /// `(?::[0-5]?[0-9])+` over the whole of `s`.
    private static func isSexagesimalTail(_ s: Bytes) -> Bool {
        var rest = s
        guard !rest.isEmpty else { return false }
        while !rest.isEmpty {
            guard rest.first == UInt8(ascii: ":") else { return false }
            rest = rest.dropFirst()
            let digits = rest.prefix(while: isDigit)
            guard digits.count == 1 || (digits.count == 2 && (48...53).contains(digits.first!)) else { return false }
            rest = rest.dropFirst(digits.count)
        }
        return true
    }

    private static func isFloat(_ text: Bytes) -> Bool {
        let underscore = UInt8(ascii: "_")
        let dot = UInt8(ascii: ".")
        let body = dropSign(text)
        // [-+]?\.(inf|Inf|INF) and \.(nan|NaN|NAN) (no sign)
        if body.first == dot {
            let word = String(decoding: body.dropFirst(), as: UTF8.self)
            if ["inf", "Inf", "INF"].contains(word) { return true }
            if body.count == text.count, ["nan", "NaN", "NAN"].contains(word) { return true }
            // \.[0-9_]+([eE][-+][0-9]+)? — no sign allowed in front.
            guard body.count == text.count else { return false }
            let digits = body.dropFirst().prefix { isDigit($0) || $0 == underscore }
            guard !digits.isEmpty else { return false }
            let exponent = body.dropFirst(1 + digits.count)
            if exponent.isEmpty { return true }
            guard let e = exponent.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") else { return false }
            let signed = exponent.dropFirst()
            guard let sign = signed.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") else { return false }
            return all(signed.dropFirst(), isDigit)
        }
        guard let first = body.first, isDigit(first) else { return false }
        let whole = body.dropFirst().prefix { isDigit($0) || $0 == underscore }
        var rest = body.dropFirst(1 + whole.count)
        // [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*
        if rest.first == UInt8(ascii: ":") {
            guard let point = rest.firstIndex(of: dot) else { return false }
            return isSexagesimalTail(rest[..<point]) && rest[rest.index(after: point)...].allSatisfy { isDigit($0) || $0 == underscore }
        }
        // [-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?
        if rest.first == dot { rest = rest.dropFirst().drop { isDigit($0) || $0 == underscore } }
        if rest.isEmpty { return true }
        guard let e = rest.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") else { return false }
        var exponent = rest.dropFirst()
        if let sign = exponent.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { exponent = exponent.dropFirst() }
        return all(exponent, isDigit)
    }
}
