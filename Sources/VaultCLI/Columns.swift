import Foundation
import GoValues

/// Column layout as `github.com/ryanuber/columnize` with the Vault CLI's settings
/// (4-space glue, trimmed cells, empty cells shown as `n/a`).
enum Columns {
    /// The delimiter the CLI uses between key and value (`hopeDelim`).
    static let hopeDelim = "♨"

    /// `columnOutput`: aligns delimited rows; no trailing newline.
    static func format(_ rows: [String], delimiter: String = "|") -> String {
        let cells = rows.map { row in
            row.components(separatedBy: delimiter).map { cell -> String in
                let t = cell.trimmingCharacters(in: .whitespacesAndNewlines)
                return t.isEmpty ? "n/a" : t
            }
        }
        var widths: [Int] = []
        for line in cells {
            for (i, cell) in line.enumerated() {
                let w = cell.unicodeScalars.count
                if i >= widths.count { widths.append(w) } else { widths[i] = max(widths[i], w) }
            }
        }
        return cells.map { line in
            line.enumerated().map { i, cell in
                i == line.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.unicodeScalars.count) + "    "
            }.joined()
        }.joined(separator: "\n")
    }

    /// `tableOutput`: a header row, a dashed underline, then the rows.
    static func table(_ rows: [String], delimiter: String = "|") -> String {
        guard let header = rows.first else { return "" }
        let underline = header.components(separatedBy: delimiter).map {
            String(repeating: "-", count: $0.trimmingCharacters(in: .whitespaces).unicodeScalars.count)
        }.joined(separator: delimiter)
        return format([header, underline] + rows.dropFirst(), delimiter: delimiter)
    }

    /// A `Key`/`Value` table from ordered pairs.
    static func keyValue(_ pairs: [(String, String)]) -> String {
        table(["Key" + hopeDelim + "Value"] + pairs.map { "\($0.0) \(hopeDelim) \($0.1)" }, delimiter: hopeDelim)
    }

    /// `padEqualSigns`: `==== Title ====` sized for `totalLength`.
    static func equalSignsHeader(_ title: String, totalLength: Int) -> String {
        var signs = totalLength - (title.count + 2)
        if signs <= 0 { signs = 4 }
        if signs % 2 != 0 { signs += 1 }
        let side = String(repeating: "=", count: signs / 2)
        return "\(side) \(title) \(side)"
    }

    /// `getHeaderForMap`: a section header as wide as the key column plus `Value`.
    static func header(_ title: String, for object: JSONValue) -> String {
        let maxKey = (object.objectValue ?? []).map { $0.0.count }.max() ?? 0
        return equalSignsHeader(title, totalLength: maxKey + 4 + 5)
    }
}
