extension LiquidContext {
    /// The most values a range `(a..b)` may hold.
    static let maxRange = 100_000

    /// The value of an expression; undefined variables are nil.
    func evaluate(_ expression: Expression) -> LiquidValue {
        switch expression {
        case .literal(let value): return value
        case .empty: return .string("")
        case .blank: return .string("")
        case .range(let low, let high):
            return range(low, high).map { .array($0.map(LiquidValue.int)) } ?? .null
        case .variable(let root, let accessors):
            var accessors = accessors[...]
            var value: LiquidValue
            if root.isEmpty, case .index(let key)? = accessors.first {
                value = self[evaluate(key).text]
                accessors = accessors.dropFirst()
            } else {
                value = self[root]
            }
            for accessor in accessors {
                switch accessor {
                case .key(let key): value = value[.string(key)]
                case .index(let key): value = value[evaluate(key)]
                }
            }
            return value
        }
    }

    /// The integers of `(low..high)` (empty when high < low), or nil when the bounds are not integers
    /// or span more than `maxRange` values.
    func range(_ low: Expression, _ high: Expression) -> [Int]? {
        guard let a = evaluate(low).integer, let b = evaluate(high).integer else { return nil }
        guard b >= a else { return [] }
        let (span, overflow) = b.subtractingReportingOverflow(a)
        guard !overflow, span < Self.maxRange else { return nil }
        return Array(a...b)
    }

    /// Whether a condition holds.
    func test(_ condition: Condition) -> Bool {
        var result = test(condition.comparisons[condition.comparisons.count - 1])
        for i in stride(from: condition.comparisons.count - 2, through: 0, by: -1) {
            let left = test(condition.comparisons[i])
            result = condition.conjunctions[i] ? (left && result) : (left || result)
        }
        return result
    }

    private func test(_ comparison: Condition.Comparison) -> Bool {
        guard let (op, rightExpression) = comparison.comparison else { return evaluate(comparison.left).isTruthy }
        let left = comparison.left, right = rightExpression
        switch op {
        case .equal: return equal(left, right)
        case .notEqual, .different: return !equal(left, right)
        case .contains:
            let l = evaluate(left), r = evaluate(right)
            switch l {
            case .string(let s): return r != .null && s.contains(r.text)
            case .array(let a): return a.contains { Self.equal($0, r) }
            case .dictionary(let d): return d[r.text] != nil
            default: return false
            }
        case .less, .greater, .lessOrEqual, .greaterOrEqual:
            guard let order = Self.order(evaluate(left), evaluate(right)) else { return false }
            switch op {
            case .less: return order < 0
            case .greater: return order > 0
            case .lessOrEqual: return order <= 0
            default: return order >= 0
            }
        }
    }

    /// `==`, with `empty` and `blank` on either side.
    private func equal(_ left: Expression, _ right: Expression) -> Bool {
        switch (left, right) {
        case (.empty, .empty), (.blank, .blank): return true
        case (.empty, let other), (let other, .empty): return evaluate(other).isEmpty
        case (.blank, let other), (let other, .blank): return evaluate(other).isBlank
        default: return Self.equal(evaluate(left), evaluate(right))
        }
    }

    /// Value equality where integers and doubles compare as numbers.
    static func equal(_ a: LiquidValue, _ b: LiquidValue) -> Bool {
        switch (a, b) {
        case (.int(let x), .double(let y)): Double(x) == y
        case (.double(let x), .int(let y)): x == Double(y)
        default: a == b
        }
    }

    /// -1, 0 or 1 for two numbers or two strings; nil for anything else.
    private static func order(_ a: LiquidValue, _ b: LiquidValue) -> Int? {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.int, .int), (.int, .double), (.double, .int), (.double, .double):
            let x = a.number!, y = b.number!
            return x < y ? -1 : (x == y ? 0 : 1)
        default: return nil
        }
    }
}
