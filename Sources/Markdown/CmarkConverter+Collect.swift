internal import CCmark
import Diagnostics

/// Pass 1: find attribute lists (paragraph lines, heading suffixes, info strings) and attach them.
extension CmarkConverter {
    mutating func collect(in parent: OpaquePointer, depth: Int) {
        for node in Self.children(of: parent) {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH:
                collectSpanAttributes(in: node)
                collectParagraph(node)
            case CMARK_NODE_HEADING: collectHeading(node)
            case CMARK_NODE_CODE_BLOCK: collectCodeBlock(node)
            case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM:
                if depth < Self.maxDepth { collect(in: node, depth: depth + 1) }
            default: break
            }
        }
    }

    /// The index of the `{` of a line that is an attribute list (`{:` after blanks and `>` markers).
    func attributeListOpen(line: Int) -> Int? {
        let bytes = source.line(line)
        var i = bytes.startIndex
        while i < bytes.endIndex, AttributeListParser.isBlank(bytes[i]) || bytes[i] == UInt8(ascii: ">") { i += 1 }
        guard i + 1 < bytes.endIndex, bytes[i] == UInt8(ascii: "{"), bytes[i + 1] == UInt8(ascii: ":") else { return nil }
        return i
    }

    /// Parses the attribute list on `line`; a malformed one is reported and yields nil.
    mutating func attributeList(line: Int, open: Int) -> Attributes? {
        readList(source.line(line), open: open, line: line)
    }

    // MARK: paragraphs

    private mutating func collectParagraph(_ paragraph: OpaquePointer) {
        let first = Self.startLine(paragraph), last = Self.endLine(paragraph)
        guard first >= 1, last >= first else { return }
        var lists: [(line: Int, open: Int)] = []
        for line in first...last {
            if let open = attributeListOpen(line: line) { lists.append((line, open)) }
        }
        guard !lists.isEmpty else { return }
        let lineCount = last - first + 1
        if lists.count == lineCount {
            removed.insert(paragraph)
            let target = neighbour(of: paragraph, first: first, last: last)
            for (line, open) in lists {
                guard let attributes = attributeList(line: line, open: open) else { continue }
                if let target {
                    attach(attributes, to: target)
                } else {
                    diagnostics.append(.warning(at: source.location(line: line, byteIndex: open),
                                                "attribute list is not next to any block; put it on the line after the block it belongs to"))
                }
            }
            return
        }
        let listed = Set(lists.map(\.line))
        let leading = (first...last).prefix { listed.contains($0) }.count
        let trailing = (first...last).reversed().prefix { listed.contains($0) }.count
        let groups = Self.lineGroups(paragraph)
        var drop: Set<Int> = []
        for (line, open) in lists {
            let index = line - first
            let isLeading = index < leading, isTrailing = index >= lineCount - trailing
            let group: Int? = groups.count == lineCount ? index
                : isTrailing ? groups.count - (lineCount - index)
                : isLeading ? index : nil
            if let group, group >= 0, group < groups.count { drop.insert(group) }
            guard let attributes = attributeList(line: line, open: open) else { continue }
            let target: OpaquePointer
            if isLeading, let previous = previousBlock(paragraph), Self.lastContentLine(previous) >= first - 1 {
                target = previous
            } else if isTrailing {
                target = container(of: paragraph, lazyColumn: open - source.line(line).startIndex + 1)
            } else {
                target = paragraph
            }
            attach(attributes, to: target)
        }
        Self.remove(lineGroups: drop, from: groups)
    }

    /// The block an attribute-list paragraph belongs to: the one just before (kramdown's rule
    /// when it touches both), else the one just after, else the nearest before, else after.
    private func neighbour(of paragraph: OpaquePointer, first: Int, last: Int) -> OpaquePointer? {
        let previous = previousBlock(paragraph)
        if let previous, Self.lastContentLine(previous) >= first - 1 { return previous }
        let next = cmark_node_next(paragraph)
        if let next, Self.startLine(next) == last + 1 { return next }
        return previous ?? next
    }

    /// The last line a block's content is on (cmark counts trailing blank lines into lists, with column 0).
    private static func lastContentLine(_ node: OpaquePointer) -> Int {
        endLine(node) - (cmark_node_get_end_column(node) == 0 ? 1 : 0)
    }

    private func previousBlock(_ node: OpaquePointer) -> OpaquePointer? {
        var previous = cmark_node_previous(node)
        while let p = previous, removed.contains(p) { previous = cmark_node_previous(p) }
        return previous
    }

    /// For a lazy continuation line at `lazyColumn`, the outermost quote or list it falls outside of.
    private func container(of paragraph: OpaquePointer, lazyColumn: Int) -> OpaquePointer {
        var target = paragraph
        var ancestor = cmark_node_parent(paragraph)
        while let a = ancestor, cmark_node_get_type(a) != CMARK_NODE_DOCUMENT {
            let type = cmark_node_get_type(a)
            if type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST, lazyColumn <= Int(cmark_node_get_start_column(a)) {
                target = a
            }
            ancestor = cmark_node_parent(a)
        }
        return target
    }

    /// A paragraph's inline nodes per source line, each line with the break node that ends it.
    private static func lineGroups(_ paragraph: OpaquePointer) -> [(nodes: [OpaquePointer], lineBreak: OpaquePointer?)] {
        var groups: [(nodes: [OpaquePointer], lineBreak: OpaquePointer?)] = [([], nil)]
        for child in children(of: paragraph) {
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                groups[groups.count - 1].lineBreak = child
                groups.append(([], nil))
            } else {
                groups[groups.count - 1].nodes.append(child)
            }
        }
        return groups
    }

    /// Frees the inline nodes of the dropped lines and the breaks no longer between kept lines.
    private static func remove(lineGroups drop: Set<Int>, from groups: [(nodes: [OpaquePointer], lineBreak: OpaquePointer?)]) {
        guard !drop.isEmpty else { return }
        let lastKept = groups.indices.last { !drop.contains($0) } ?? -1
        for (index, group) in groups.enumerated() {
            var doomed = drop.contains(index) ? group.nodes : []
            if let lineBreak = group.lineBreak, drop.contains(index) || index >= lastKept { doomed.append(lineBreak) }
            for node in doomed {
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
        }
    }

    // MARK: headings and code blocks

    /// `## Title {#id}` / `## Title {:.cls}`: reads and strips the trailing attribute list.
    private mutating func collectHeading(_ heading: OpaquePointer) {
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT else { return }
        let literal = Array(Self.string(cmark_node_get_literal(last)).utf8)
        guard literal.last == UInt8(ascii: "}"), let open = Self.trailingListOpen(literal[...]) else { return }
        let line = Self.startLine(heading)
        let raw = source.line(line)
        let rawOpen = Self.trailingListOpen(raw) ?? raw.startIndex
        if let attributes = readList(literal[...], open: open, line: line, shift: rawOpen - open) {
            attach(attributes, to: heading)
        }
        var kept = literal[..<open]
        while let c = kept.last, AttributeListParser.isBlank(c) { kept = kept.dropLast() }
        cmark_node_set_literal(last, String(decoding: kept, as: UTF8.self))
    }

    /// The last `{` followed by `:`, `#` or `.` that starts the text or follows a blank.
    private static func trailingListOpen(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.endIndex - 2
        while i >= bytes.startIndex {
            if bytes[i] == UInt8(ascii: "{"),
               [UInt8(ascii: ":"), UInt8(ascii: "#"), UInt8(ascii: ".")].contains(bytes[i + 1]),
               i == bytes.startIndex || AttributeListParser.isBlank(bytes[i - 1]) {
                return i
            }
            i -= 1
        }
        return nil
    }

    /// ```` ```sh { key=value } ````: reads the info string's attribute list from the fence line.
    private mutating func collectCodeBlock(_ code: OpaquePointer) {
        let info = Self.string(cmark_node_get_fence_info(code))
        guard info.utf8.contains(UInt8(ascii: "{")) else { return }
        let line = Self.startLine(code)
        let raw = source.line(line)
        let fenceStart = raw.startIndex + max(0, Int(cmark_node_get_start_column(code)) - 1)
        guard fenceStart <= raw.endIndex, let open = raw[fenceStart...].firstIndex(of: UInt8(ascii: "{")) else { return }
        if let attributes = readList(raw, open: open, line: line) { infoAttributes[code] = attributes }
    }
}
