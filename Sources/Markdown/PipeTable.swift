/// Recognises a GFM pipe table in a paragraph's lines (cmark 0.30 has no table extension).
///
/// Hand-written: only the row and delimiter-row syntax is scanned here; cell contents are
/// rendered by cmark.
enum PipeTable {
    /// The table in `lines` (container prefixes already removed), or nil when they are not one.
    static func parse(_ lines: [ArraySlice<UInt8>]) -> (header: [String], alignments: [Table.Alignment], rows: [[String]])? {
        guard lines.count >= 2, lines[0].contains(UInt8(ascii: "|")), let alignments = delimiterRow(lines[1]) else { return nil }
        let header = cells(lines[0])
        guard header.count == alignments.count else { return nil }
        let rows = lines.dropFirst(2).map { line -> [String] in
            var row = cells(line)
            if row.count > header.count { row.removeLast(row.count - header.count) }
            while row.count < header.count { row.append("") }
            return row
        }
        return (header, alignments, rows)
    }

    /// The alignments of a delimiter row such as `|---|:--:|--:|`, or nil if it is not one.
    static func delimiterRow(_ line: ArraySlice<UInt8>) -> [Table.Alignment]? {
        guard line.contains(UInt8(ascii: "|")), line.contains(UInt8(ascii: "-")),
              line.allSatisfy({ $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || AttributeListParser.isBlank($0) })
        else { return nil }
        var alignments: [Table.Alignment] = []
        for cell in cells(line) {
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":")
            let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right && cell.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments
    }

    /// A row's cells: split on unescaped `|`, outer pipes dropped, trimmed, `\|` unescaped.
    static func cells(_ line: ArraySlice<UInt8>) -> [String] {
        var bytes = trim(line)
        if bytes.first == UInt8(ascii: "|") { bytes = bytes.dropFirst() }
        if bytes.last == UInt8(ascii: "|"), !(bytes.count >= 2 && bytes[bytes.endIndex - 2] == UInt8(ascii: "\\")) {
            bytes = bytes.dropLast()
        }
        var cells: [String] = []
        var cell: [UInt8] = []
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let c = bytes[i]
            if c == UInt8(ascii: "\\"), i + 1 < bytes.endIndex, bytes[i + 1] == UInt8(ascii: "|") {
                cell.append(UInt8(ascii: "|"))
                i += 2
                continue
            }
            if c == UInt8(ascii: "|") {
                cells.append(String(decoding: trim(cell[...]), as: UTF8.self))
                cell.removeAll(keepingCapacity: true)
            } else {
                cell.append(c)
            }
            i += 1
        }
        cells.append(String(decoding: trim(cell[...]), as: UTF8.self))
        return cells
    }

    private static func trim(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = bytes
        while let f = s.first, AttributeListParser.isBlank(f) { s = s.dropFirst() }
        while let l = s.last, AttributeListParser.isBlank(l) { s = s.dropLast() }
        return s
    }
}
