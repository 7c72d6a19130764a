/// Reads one attribute list: kramdown's `{: .cls #id key="v" }` and Runme's `{ key=v }`.
///
/// Hand-written because cmark has no notion of attribute lists; the grammar is a handful of
/// tokens, scanned once over UTF-8 bytes.
struct AttributeListParser {
    /// Why a list could not be read, and the byte index of the offending character.
    struct Failure: Error, Equatable {
        var error: AttributeListError
        var index: Int
    }

    /// A list that was read: its attributes and what kramdown would silently drop from it.
    struct Parsed: Equatable {
        var attributes = Attributes()
        var warnings: [Failure] = []
    }

    /// The bytes of one source line (or info string).
    let bytes: ArraySlice<UInt8>

    /// Parses the list opening at `open` (a `{`); it must close on this line and be followed only by blanks.
    func parse(openingAt open: Int) -> Result<Parsed, Failure> {
        var parsed = Parsed()
        var i = open + 1
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: ":") { i += 1 }
        while true {
            i = skipBlanks(from: i)
            guard i < bytes.endIndex else {
                return .failure(Failure(error: .missingClosingBrace, index: open))
            }
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "}"):
                let rest = skipBlanks(from: i + 1)
                guard rest == bytes.endIndex else {
                    return .failure(Failure(error: .textAfterClosingBrace, index: rest))
                }
                return .success(parsed)
            case UInt8(ascii: "."), UInt8(ascii: "#"):
                let end = scan(from: i + 1, while: Self.isNameByte)
                guard end > i + 1 else {
                    // kramdown skips a lone marker and reads the bare word after it as a reference to an
                    // attribute list definition, which adds nothing: `{:. warning}` is a block without a class.
                    let wordStart = skipBlanks(from: i + 1)
                    let wordEnd = scan(from: wordStart, while: Self.isKeyByte)
                    guard wordEnd > wordStart, wordEnd == bytes.endIndex || bytes[wordEnd] != UInt8(ascii: "=") else {
                        return .failure(Failure(error: c == UInt8(ascii: ".") ? .missingClassName : .missingID, index: i))
                    }
                    let marker = String(decoding: [c], as: UTF8.self)
                    parsed.warnings.append(Failure(error: .detachedName(marker: marker, name: text(wordStart, wordEnd)), index: i))
                    i = wordEnd
                    continue
                }
                let name = text(i + 1, end)
                if c == UInt8(ascii: ".") { parsed.attributes.addClass(name) } else { parsed.attributes.id = name }
                i = end
            case _ where Self.isKeyByte(c):
                let keyEnd = scan(from: i, while: Self.isKeyByte)
                let key = text(i, keyEnd)
                guard keyEnd < bytes.endIndex, bytes[keyEnd] == UInt8(ascii: "=") else {
                    return .failure(Failure(error: .missingEquals(key: key), index: keyEnd))
                }
                switch readValue(at: keyEnd + 1, key: key) {
                case .failure(let failure): return .failure(failure)
                case .success(let (value, next)):
                    set(key: key, value: value, in: &parsed.attributes)
                    i = next
                }
            default:
                return .failure(Failure(error: .unexpectedCharacter(String(decoding: [c], as: UTF8.self)), index: i))
            }
        }
    }

    /// Reads a quoted or bare value starting at `start`; returns it and the index after it.
    private func readValue(at start: Int, key: String) -> Result<(String, Int), Failure> {
        guard start < bytes.endIndex, !Self.isBlank(bytes[start]), bytes[start] != UInt8(ascii: "}") else {
            return .failure(Failure(error: .missingValue(key: key), index: start))
        }
        let quote = bytes[start]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            let end = scan(from: start) { !Self.isBlank($0) && $0 != UInt8(ascii: "}") }
            return .success((text(start, end), end))
        }
        var value: [UInt8] = []
        var j = start + 1
        while j < bytes.endIndex, bytes[j] != quote {
            if bytes[j] == UInt8(ascii: "\\"), j + 1 < bytes.endIndex { j += 1 }
            value.append(bytes[j])
            j += 1
        }
        guard j < bytes.endIndex else {
            return .failure(Failure(error: .unterminatedValue(key: key), index: start))
        }
        return .success((String(decoding: value, as: UTF8.self), j + 1))
    }

    private func set(key: String, value: String, in attributes: inout Attributes) {
        switch key {
        case "id": attributes.id = value
        case "class": value.split(separator: " ").forEach { attributes.addClass(String($0)) }
        default: attributes[key] = value
        }
    }

    private func skipBlanks(from start: Int) -> Int { scan(from: start, while: Self.isBlank) }

    private func scan(from start: Int, while accept: (UInt8) -> Bool) -> Int {
        var i = start
        while i < bytes.endIndex, accept(bytes[i]) { i += 1 }
        return i
    }

    private func text(_ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }

    private static func isNameByte(_ c: UInt8) -> Bool {
        !isBlank(c) && c != UInt8(ascii: ".") && c != UInt8(ascii: "#") && c != UInt8(ascii: "}")
    }

    static func isBlank(_ c: UInt8) -> Bool { c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") }

    private static func isKeyByte(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
            || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") || c == UInt8(ascii: ":")
    }
}
