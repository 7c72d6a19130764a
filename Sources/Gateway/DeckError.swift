/// A `deck` failure: the lines of decK's `N errors occurred:` list, or one plain message.
enum DeckError: Error, CustomStringConvertible {
    case errors([String])
    case message(String)

    /// The text decK prints after `Error: `.
    var description: String {
        switch self {
        case .errors(let lines):
            "\(lines.count) errors occurred:\n" + lines.map { "\t\($0)\n" }.joined()
        case .message(let text): text
        }
    }
}
