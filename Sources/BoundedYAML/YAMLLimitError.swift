/// A YAML document refused because it passes one of the ``YAMLLimits``; `line` and `column` (1-based,
/// counted in the YAML text given) point at the node where the limit was passed.
public struct YAMLLimitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which limit was passed.
    public enum Kind: Sendable, Hashable {
        /// The text is longer than the byte limit.
        case tooLarge(bytes: Int, limit: Int)
        /// The aliases bring in more nodes than the limit.
        case aliasExpansion(limit: Int)
        /// Sequences and mappings nest deeper than the limit.
        case tooDeep(limit: Int)
    }

    /// Which limit was passed.
    public var kind: Kind
    /// The 1-based line in the YAML text.
    public var line: Int
    /// The 1-based column in the YAML text.
    public var column: Int

    /// Creates an error at `line`:`column` of the YAML text.
    public init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// What was refused and what to do, without the position (callers put that in front).
    public var message: String {
        switch kind {
        case let .tooLarge(bytes, limit):
            "the YAML is \(bytes) bytes, more than the \(limit) bytes allowed: split it or shorten it"
        case let .aliasExpansion(limit):
            "YAML aliases here expand to more than \(limit) nodes (an alias bomb?): write the values out or use fewer `*alias` references"
        case let .tooDeep(limit):
            "YAML nests deeper than \(limit) levels here (aliases included): flatten the structure"
        }
    }

    /// `line L, column C: message`.
    public var description: String { "line \(line), column \(column): \(message)" }
}
