import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How the terminal shows text: colour on or off (`NO_COLOR`, not a TTY) and its width in columns.
public struct TerminalStyle: Sendable {
    /// ANSI styles used by the walkthrough.
    public enum Effect: String, Sendable {
        case bold = "1", dim = "2", italic = "3", underline = "4"
        case red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
    }

    /// Whether ANSI colour and styles are written.
    public var colour: Bool
    /// The terminal's width in columns (at least 20).
    public var width: Int

    /// Creates a style; width is clamped to at least 20 columns.
    public init(colour: Bool, width: Int) {
        self.colour = colour
        self.width = max(20, width)
    }

    /// The style of standard output: colour when it is a TTY and `NO_COLOR` is unset; width from the
    /// terminal, else `COLUMNS`, else 80.
    public static func detect(environment: [String: String]) -> TerminalStyle {
        let tty = isatty(STDOUT_FILENO) == 1
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        var size = winsize()
        var width = 0
        if tty, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 { width = Int(size.ws_col) }
        if width <= 0 { width = environment["COLUMNS"].flatMap { Int($0) } ?? 80 }
        return TerminalStyle(colour: tty && !noColour && environment["TERM"] != "dumb", width: width)
    }

    /// `text` wrapped in the ANSI codes for `effects` (unchanged without colour).
    public func paint(_ text: String, _ effects: Effect...) -> String {
        guard colour, !effects.isEmpty, !text.isEmpty else { return text }
        return "\u{1B}[\(effects.map(\.rawValue).joined(separator: ";"))m\(text)\u{1B}[0m"
    }

    /// The width prose is wrapped to: the terminal's, but no wider than comfortable reading.
    public var proseWidth: Int { min(width, 100) }
}
