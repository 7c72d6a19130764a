import Diagnostics

/// The markdown text as UTF-8 bytes split into lines the way cmark counts them, with the map
/// from its line numbers to locations in the original file.
struct SourceText {
    let bytes: [UInt8]
    /// Byte range of each line without its terminator; line `n` (1-based) is at `n - 1`.
    private(set) var lines: [Range<Int>] = []
    let file: String
    let sourceLines: [SourceLocation]?

    init(_ text: String, file: String, sourceLines: [SourceLocation]?) {
        bytes = Array(text.utf8)
        self.file = file
        self.sourceLines = sourceLines
        lines.reserveCapacity(bytes.count / 40 + 1)
        var start = 0
        var i = 0
        // cmark ends a line at "\n", "\r\n" or a lone "\r".
        while i < bytes.count {
            let c = bytes[i]
            if c == 10 || c == 13 {
                lines.append(start..<i)
                i += (c == 13 && i + 1 < bytes.count && bytes[i + 1] == 10) ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        if start < bytes.count || lines.isEmpty { lines.append(start..<bytes.count) }
    }

    /// The bytes of 1-based line `n` (empty when out of range).
    func line(_ n: Int) -> ArraySlice<UInt8> {
        guard n >= 1, n <= lines.count else { return [] }
        return bytes[lines[n - 1]]
    }

    /// The original location of 1-based line `n`, column `column` of this text.
    func location(line n: Int, column: Int) -> SourceLocation {
        guard let map = sourceLines, !map.isEmpty else { return SourceLocation(file: file, line: n, column: column) }
        if n >= 1, n <= map.count {
            let base = map[n - 1]
            return SourceLocation(file: base.file, line: base.line, column: base.column - 1 + column)
        }
        let last = map[map.count - 1]
        return SourceLocation(file: last.file, line: last.line + n - map.count, column: column)
    }

    /// The original location of byte index `index` on 1-based line `n`.
    func location(line n: Int, byteIndex index: Int) -> SourceLocation {
        let start = n >= 1 && n <= lines.count ? lines[n - 1].lowerBound : index
        return location(line: n, column: index - start + 1)
    }
}
