import Diagnostics

/// One template's bytes with a line index, turning byte offsets into `file:line:col`.
struct SourceText {
    let file: String
    let bytes: [UInt8]
    /// Byte offset at which each line starts.
    private let lineStarts: [Int]
    /// Scalars between the start of its line and every 256th byte, so columns cost O(1) on long lines.
    private let checkpoints: [Int]
    /// The line index of the last lookup: lookups mostly move forward a line or two at a time.
    private let cursor = Cursor()
    /// The file line of the first byte (templates cut out of a larger file start below line 1).
    private let firstLine: Int

    init(_ text: String, file: String, firstLine: Int = 1) {
        self.file = file
        self.firstLine = firstLine
        let bytes = Array(text.utf8)
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(bytes.count / 256 + 1)
        var column = 0
        for (i, b) in bytes.enumerated() {
            if i & 255 == 0 { checkpoints.append(column) }
            if b == UInt8(ascii: "\n") {
                starts.append(i + 1)
                column = 0
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.bytes = bytes
        self.lineStarts = starts
        self.checkpoints = checkpoints
    }

    /// The text of a byte range.
    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The name and the trimmed arguments of a tag's markup; `#` (an inline comment) is a name.
    func tagParts(_ markup: Range<Int>) -> (name: String, arguments: Range<Int>) {
        var i = markup.lowerBound
        while i < markup.upperBound, bytes[i].isLiquidSpace { i += 1 }
        if i < markup.upperBound, bytes[i] == UInt8(ascii: "#") { return ("#", i..<i) }
        let start = i
        while i < markup.upperBound, bytes[i].isIdentifierByte { i += 1 }
        let name = string(start..<i)
        while i < markup.upperBound, bytes[i].isLiquidSpace { i += 1 }
        var end = markup.upperBound
        while end > i, bytes[end - 1].isLiquidSpace { end -= 1 }
        return (name, i..<end)
    }

    /// The location of a byte offset; the column counts Unicode scalars from 1.
    func location(_ offset: Int) -> SourceLocation {
        let offset = min(max(offset, 0), bytes.count)
        var lo = 0, hi = lineStarts.count - 1
        for guess in cursor.line...min(cursor.line + 2, hi) where lineStarts[guess] <= offset {
            if guess == hi || lineStarts[guess + 1] > offset { (lo, hi) = (guess, guess) }
        }
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        cursor.line = lo
        var column = 1
        var i = lineStarts[lo]
        if offset - i >= 256 {
            i = offset & ~255
            column += checkpoints[offset >> 8]
        }
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(file: file, line: firstLine + lo, column: column)
    }
}

/// The mutable lookup hint of a `SourceText` (used by one render at a time).
private final class Cursor {
    var line = 0
}
