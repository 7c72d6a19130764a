import Diagnostics

/// Rendered text plus, for each of its lines, the source line that produced it.
struct OutputBuffer {
    private(set) var text = ""
    /// One entry per output line; the last one is the line being written.
    private(set) var lines: [SourceLocation]
    /// Whether anything was written to the last line yet (until then its source is only a guess).
    private var lineStarted = false

    init(start: SourceLocation) {
        lines = [SourceLocation(file: start.file, line: start.line)]
    }

    /// Appends template text whose first character comes from `location`; later lines follow the source.
    mutating func appendLiteral(_ string: String, at location: SourceLocation) {
        append(string, file: location.file, line: location.line, advancing: true)
    }

    /// Appends text produced by a tag at `location`; all its lines map to the tag's line.
    mutating func appendGenerated(_ string: String, at location: SourceLocation) {
        append(string, file: location.file, line: location.line, advancing: false)
    }

    private mutating func append(_ string: String, file: String, line: Int, advancing: Bool) {
        guard !string.isEmpty else { return }
        text += string
        var line = line
        if !lineStarted { lines[lines.count - 1] = SourceLocation(file: file, line: line) }
        for byte in string.utf8 where byte == UInt8(ascii: "\n") {
            if advancing { line += 1 }
            lines.append(SourceLocation(file: file, line: line))
        }
        lineStarted = string.utf8.last != UInt8(ascii: "\n")
    }
}
