import Diagnostics
import Foundation
import Runner

/// Where the walkthrough writes: standard output by default, one lock so that streamed step output and
/// prompts never interleave mid-line. Lines wider than the terminal are wrapped at spaces.
public final class Screen: Sendable {
    /// How text is shown.
    public let style: TerminalStyle
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()

    /// Creates a screen writing to `write` (standard output by default).
    public init(style: TerminalStyle, write: (@Sendable (String) -> Void)? = nil) {
        self.style = style
        self.write = write ?? { StandardStream.output.write($0) }
    }

    /// Writes lines, each ending in a newline.
    public func lines(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        let text = lines.flatMap(fit).joined(separator: "\n") + "\n"
        lock.withLock { write(text) }
    }

    /// Writes one line.
    public func line(_ text: String = "") { lines([text]) }

    /// Writes text without a newline (a prompt).
    public func prompt(_ text: String) { lock.withLock { write(text) } }

    /// `line` as it fits the width: itself, or wrapped at spaces with the continuation indented.
    func fit(_ line: String) -> [String] {
        guard Self.columns(line) > style.width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        let words = line.dropFirst(indent.count).split(separator: " ").map { word in
            StyledWord(painted: String(word), columns: Self.columns(word), glued: false)
        }
        return TextWrapper(width: style.width).wrap(words, first: indent, firstColumns: indent.count, rest: indent + "  ", restColumns: indent.count + 2)
    }

    /// The columns `text` takes on screen: ANSI escape sequences take none.
    static func columns(_ text: some StringProtocol) -> Int {
        var count = 0
        var escaping = false
        for character in text {
            if escaping {
                if character.isLetter { escaping = false }
            } else if character == "\u{1B}" {
                escaping = true
            } else {
                count += 1
            }
        }
        return count
    }
}
