/// Makes heading ids: a slug of the text, unique within one document (`x`, `x-1`, ...).
public struct Slugger: Sendable {
    private var used: Set<String> = []
    /// The next suffix to try per slug, so many equal headings stay linear.
    private var nextSuffix: [String: Int] = [:]

    /// Creates a slugger with no ids taken.
    public init() {}

    /// Reserves an id given explicitly (`{#id}`) so generated ids avoid it.
    public mutating func reserve(_ id: String) { used.insert(id) }

    /// A fresh id for `text`.
    public mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var n = nextSuffix[base] ?? 1
        while used.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        nextSuffix[base] = n
        used.insert(candidate)
        return candidate
    }

    /// Lowercased letters and digits, `-` and `_` kept, blanks to `-`, the rest dropped.
    public static func slug(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingDash = false
        func append(_ bytes: some Sequence<UInt8>) {
            if pendingDash, !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingDash = false
            out.append(contentsOf: bytes)
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let c = UInt8(scalar.value)
                switch c {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): append(CollectionOfOne(c))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): append(CollectionOfOne(c + 32))
                case UInt8(ascii: "-"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"): pendingDash = true
                default: break
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                append(String(scalar).lowercased().utf8)
            } else if scalar.properties.isWhitespace {
                pendingDash = true
            }
        }
        return out.isEmpty ? "section" : String(decoding: out, as: UTF8.self)
    }
}
