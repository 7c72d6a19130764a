import Foundation

/// decK's pre-parse templating of state files: `${{ env "DECK_X" }}`, rendered before YAML parsing.
public enum DeckTemplate {
    /// A rendering failure, worded as Go's text/template reports it through decK.
    public struct RenderError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The message after `parsing file: `.
        public var message: String
        /// Creates an error with decK's message.
        public init(message: String) { self.message = message }
        public var description: String { message }
    }

    /// Replaces every `${{ env "NAME" }}` action with the variable's value from `environment`.
    public static func render(_ content: String, environment: [String: String]) throws(RenderError) -> String {
        var output = ""
        var rest = content[...]
        while let open = rest.range(of: "${{") {
            output += rest[..<open.lowerBound]
            let before = content.utf8[..<open.lowerBound]
            let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw RenderError(message: "template: state:\(line): unclosed action")
            }
            let actionText = rest[open.upperBound..<close.lowerBound]
            let leading = actionText.utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
            let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { content.utf8.index(after: $0) } ?? content.utf8.startIndex
            let column = content.utf8.distance(from: lineStart, to: open.lowerBound) + 3 + leading
            output += try evaluate(String(actionText), line: line, column: column, environment: environment)
            rest = rest[close.upperBound...]
        }
        output += rest
        return output
    }

    private static func evaluate(_ action: String, line: Int, column: Int,
                                 environment: [String: String]) throws(RenderError) -> String {
        let words = action.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard let function = words.first else {
            throw RenderError(message: "template: state:\(line): missing value for command")
        }
        guard function == "env" else {
            throw RenderError(message: "template: state:\(line): function \"\(function)\" not defined")
        }
        guard words.count == 2, words[1].count >= 2, words[1].first == "\"", words[1].last == "\"" else {
            throw RenderError(message: "template: state:\(line):\(column): executing \"state\" at <env>: "
                + "wrong number of args for env: want 1 got \(words.count - 1)")
        }
        let name = String(words[1].dropFirst().dropLast())
        let context = "template: state:\(line):\(column): executing \"state\" at <env \"\(name)\">: error calling env: "
        guard name.hasPrefix("DECK_") else {
            throw RenderError(message: context
                + "environment variables in the state file must be prefixed with 'DECK_', found: '\(name)'")
        }
        guard let value = environment[name] else {
            throw RenderError(message: context + "environment variable '\(name)' present in state file but not set")
        }
        return value
    }
}
