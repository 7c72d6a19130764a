/// A filter's complaint about its input or arguments; reported at the filter's location.
public enum LiquidError: Error, Sendable, CustomStringConvertible {
    /// The filter got the wrong number of arguments.
    case argumentCount(filter: String, expected: String, got: Int)
    /// An argument has the wrong type or value.
    case invalidArgument(filter: String, expected: String, got: String)

    public var description: String {
        switch self {
        case .argumentCount(let filter, let expected, let got):
            "`\(filter)` takes \(expected) argument\(expected == "1" ? "" : "s"), not \(got)"
        case .invalidArgument(let filter, let expected, let got):
            "`\(filter)` expects \(expected), not `\(got)`"
        }
    }
}
