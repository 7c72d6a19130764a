import Diagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        var string = string
        lineStarted = string.withUTF8 { bytes in
            // memchr: a byte loop over megabytes of captured text cost seconds in debug builds.
            guard let base = bytes.baseAddress else { return false }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), bytes.count - offset) {
                if advancing { line += 1 }
                lines.append(SourceLocation(file: file, line: line))
                offset = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
            }
            return bytes.last != UInt8(ascii: "\n")
        }
    }
}
