import Foundation
public import HowTo
import Markdown
import Highlight

/// Turns a how-to's passages into terminal lines: prose wrapped to the width, code highlighted,
/// callouts marked, lists indented, tables aligned (or stacked when too wide).
public struct PassageRenderer: Sendable {
    private let style: TerminalStyle

    /// Creates a renderer for a terminal.
    public init(style: TerminalStyle) {
        self.style = style
    }

    /// The lines of `passages`, each prefixed by `indent` (whose width is `indentColumns`).
    public func render(_ passages: [Passage], indent: String = "", indentColumns: Int = 0) -> [String] {
        var lines: [String] = []
        for passage in passages {
            let block = render(passage, indent: indent, indentColumns: indentColumns)
            if !lines.isEmpty, !block.isEmpty { lines.append(indent.trimmingTrailingSpaces) }
            lines += block
        }
        return lines
    }

    /// A section heading (`## Title`) as the walkthrough shows it.
    public func heading(_ text: String, level: Int) -> [String] {
        guard level <= 2 else { return [style.paint(text, .bold)] }
        let rule = String(repeating: "━", count: max(0, min(style.width, 100) - text.count - 4))
        return [style.paint("━━ \(text) \(rule)", .bold)]
    }

    /// Code lines with a gutter, highlighted when the highlighter knows the language (as on the site), cut to the width.
    public func code(_ text: String, language: String?, indent: String = "", indentColumns: Int = 0) -> [String] {
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        let highlighted = language.flatMap { CodeLanguage(fence: $0) }.map { Highlighter.lines(body, language: $0) }
        let painter = CodePainter(style: style)
        let gutter = style.paint("│", .dim) + " "
        let room = max(10, style.width - indentColumns - 4)
        var lines: [String] = []
        for (index, raw) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(raw)
            var first = true
            repeat {
                let piece = String(rest.prefix(room))
                rest = rest.dropFirst(piece.count)
                let marker = first ? "  " : style.paint("↪", .dim) + " "
                // A line cut to the width is shown plain: its colours would not survive the cut.
                let shown = first && rest.isEmpty ? highlighted.map { painter.paint($0[index]) } ?? piece : piece
                lines.append(indent + marker + gutter + shown)
                first = false
            } while !rest.isEmpty
        }
        return lines
    }

    private func render(_ passage: Passage, indent: String, indentColumns: Int) -> [String] {
        switch passage {
        case let .heading(level, text):
            return heading(text, level: level).map { indent + $0 }
        case let .paragraph(spans):
            return wrap(spans, first: indent, firstColumns: indentColumns, rest: indent, restColumns: indentColumns)
        case let .code(language, text, _):
            return code(text, language: language, indent: indent, indentColumns: indentColumns)
        case let .callout(kind, children):
            let (label, colour) = Self.callout(kind)
            let bar = style.paint("┃", colour) + " "
            let title = label.map { [indent + bar + style.paint($0, .bold, colour)] } ?? []
            return title + render(children, indent: indent + bar, indentColumns: indentColumns + 2)
        case let .list(ordered, start, items):
            var lines: [String] = []
            for (offset, item) in items.enumerated() {
                let marker = ordered ? "\(start + offset)." : "•"
                let pad = String(repeating: " ", count: marker.count + 1)
                var body = render(item, indent: indent + pad, indentColumns: indentColumns + pad.count)
                if body.isEmpty { body = [indent + pad] }
                body[0] = indent + marker + " " + body[0].dropFirst(indent.count + pad.count)
                lines += body
            }
            return lines
        case let .table(header, rows):
            return table(header: header, rows: rows, indent: indent, indentColumns: indentColumns)
        case let .tabs(shown, others):
            let also = others.isEmpty ? "" : "; also in the docs: " + others.joined(separator: ", ")
            return [indent + style.paint("⇥ Tab: \(shown)", .bold) + style.paint(" (the one this walk runs\(also))", .dim)]
        }
    }

    private func wrap(_ spans: [InlineSpan], first: String, firstColumns: Int, rest: String, restColumns: Int) -> [String] {
        TextWrapper(width: style.proseWidth).wrap(words(spans), first: first, firstColumns: firstColumns, rest: rest, restColumns: restColumns)
    }

    /// Splits styled runs into words; a word that continues the previous run without a space is glued to it.
    private func words(_ spans: [InlineSpan]) -> [StyledWord] {
        var words: [StyledWord] = []
        var afterSpace = true
        for span in spans {
            var text = span.text
            if case .code = span.style, !style.colour { text = "`" + text + "`" }
            let pieces = text.split(separator: " ", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if piece.isEmpty {
                    afterSpace = true
                    continue
                }
                let glued = index == 0 && !afterSpace && !words.isEmpty
                words.append(StyledWord(painted: paint(String(piece), span.style), columns: piece.count, glued: glued))
                afterSpace = false
            }
            if text.hasSuffix(" ") { afterSpace = true }
            if case let .link(url) = span.style, url.hasPrefix("http") {
                words.append(StyledWord(painted: style.paint("(\(url))", .dim), columns: url.count + 2, glued: false))
            }
        }
        return words
    }

    private func paint(_ text: String, _ kind: InlineSpan.Style) -> String {
        switch kind {
        case .plain: text
        case .code: style.paint(text, .cyan)
        case .strong: style.paint(text, .bold)
        case .emphasis: style.paint(text, .italic)
        case .link: style.paint(text, .underline)
        }
    }

    private func table(header: [String], rows: [[String]], indent: String, indentColumns: Int) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        let total = widths.reduce(0, +) + 2 * max(0, widths.count - 1) + indentColumns
        if total <= style.width {
            let line = { (cells: [String]) in
                indent + zip(cells, widths).map { $0.0.padding(toLength: $0.1, withPad: " ", startingAt: 0) }.joined(separator: "  ").trimmingTrailingSpaces
            }
            return [style.paint(line(header), .bold), indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")] + rows.map(line)
        }
        // Too wide: one record per row, `Header: value`.
        var lines: [String] = []
        for row in rows {
            if !lines.isEmpty { lines.append(indent.trimmingTrailingSpaces) }
            for (name, value) in zip(header, row) {
                let words = value.split(separator: " ").map { StyledWord(painted: String($0), columns: $0.count, glued: false) }
                let label = name + ": "
                lines += TextWrapper(width: style.proseWidth).wrap(
                    words, first: indent + style.paint(label, .bold), firstColumns: indentColumns + label.count,
                    rest: indent + "  ", restColumns: indentColumns + 2)
            }
        }
        return lines
    }

    private static func callout(_ kind: String?) -> (String?, TerminalStyle.Effect) {
        switch kind {
        case "info": ("ℹ Note", .blue)
        case "warning": ("⚠ Warning", .yellow)
        case "danger": ("✖ Danger", .red)
        case "tip", "success": ("★ Tip", .green)
        case let other?: (other.capitalized, .blue)
        case nil: (nil, .dim)
        }
    }
}

extension String {
    /// The string without trailing spaces.
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
