import Diagnostics

/// A value expression: a literal, a variable path such as `page.tags[0]`, a range `(1..n)`, or `empty`/`blank`.
indirect enum Expression: Sendable {
    case literal(LiquidValue)
    case variable(String, [Accessor])
    case range(Expression, Expression)
    case empty
    case blank

    /// One step of a variable path: `.key` or `[expression]`.
    enum Accessor: Sendable {
        case key(String)
        case index(Expression)
    }
}

/// One `| name: arg, arg` of an output.
struct FilterCall: Sendable {
    var name: String
    var arguments: [Expression]
    var location: SourceLocation
}

/// An expression followed by filters, as in `{{ x | default: "y" | upcase }}`.
struct FilteredExpression: Sendable {
    var expression: Expression
    var filters: [FilterCall]
}

/// An `if`/`unless` condition: comparisons joined by `and`/`or`, evaluated right to left as Liquid does.
struct Condition: Sendable {
    enum Operator: String, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", different = "<>", less = "<", greater = ">"
        case lessOrEqual = "<=", greaterOrEqual = ">=", contains
    }

    /// `left op right`, or just `left` (tested for truthiness).
    struct Comparison: Sendable {
        var left: Expression
        var comparison: (Operator, Expression)?
    }

    var comparisons: [Comparison]
    /// `true` for `and`, `false` for `or`; one fewer than `comparisons`.
    var conjunctions: [Bool]
}
