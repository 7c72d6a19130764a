import Diagnostics

/// A how-to file split into front matter and body, with the body's first file line.
struct SourceFile: Sendable {
    /// The path as given.
    let path: String
    /// The YAML between the `---` lines (without them).
    let frontMatter: String
    /// The markdown after the closing `---`.
    let body: String
    /// The file line of the body's first line.
    let bodyFirstLine: Int

    /// The file line of the front matter's first line (the line after the opening `---`).
    static let frontMatterFirstLine = 2

    /// Splits `text`; throws a located diagnostic for binary input and missing or unclosed front matter.
    init(path: String, bytes: [UInt8]) throws(DiagnosticError) {
        self.path = path
        let start = SourceLocation(file: path, line: 1)
        guard !bytes.isEmpty else {
            throw DiagnosticError([.error(at: start, "the file is empty: a how-to starts with front matter between `---` lines")])
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw DiagnosticError([.error(at: Self.location(of: nul, in: bytes, path: path), "the file is binary (it contains a NUL byte), not a how-to")])
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            let bad = Self.firstInvalidUTF8(bytes)
            throw DiagnosticError([.error(at: Self.location(of: bad, in: bytes, path: path), "the file is not valid UTF-8 text")])
        }
        let newline = UInt8(ascii: "\n")
        var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineNumber = 1
        var frontMatterStart: Int?
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: newline) ?? bytes.count
            let isFence = Self.isFence(bytes[lineStart..<lineEnd])
            if let start = frontMatterStart, isFence {
                frontMatter = String(decoding: bytes[start..<lineStart], as: UTF8.self)
                body = lineEnd < bytes.count ? String(decoding: bytes[(lineEnd + 1)...], as: UTF8.self) : ""
                bodyFirstLine = lineNumber + 1
                return
            }
            if frontMatterStart == nil {
                guard isFence else {
                    throw DiagnosticError([.error(at: start, "no front matter: the first line must be `---`, followed by YAML and a closing `---`")])
                }
                frontMatterStart = lineEnd + 1
            }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        throw DiagnosticError([.error(at: start, "the front matter opened here is never closed with a `---` line")])
    }

    /// `---`, optionally followed by spaces or a carriage return.
    private static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        line.starts(with: [45, 45, 45]) && line.dropFirst(3).allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
    }

    private static func location(of offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        let line = bytes[..<offset].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        return SourceLocation(file: path, line: line, column: offset - lineStart + 1)
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return max(0, bytes.count - 1)
            }
        }
    }
}
