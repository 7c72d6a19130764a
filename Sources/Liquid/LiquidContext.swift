/// The variables a template sees: nested scopes, searched innermost first.
public struct LiquidContext: Sendable {
    /// The scopes, outermost first; `assign` and `capture` write into the outermost one, as in Liquid.
    public private(set) var scopes: [[String: LiquidValue]]

    /// A context whose only scope holds `variables`.
    public init(_ variables: [String: LiquidValue] = [:]) {
        scopes = [variables]
    }

    /// The variable `name` from the innermost scope that has it, or nil.
    public subscript(name: String) -> LiquidValue {
        for scope in scopes.reversed() {
            if let value = scope[name] { return value }
        }
        return .null
    }

    /// Evaluates a Liquid expression such as `page.tags[0]` or `"text"`; nil if it does not parse.
    public func evaluate(_ expression: String) -> LiquidValue {
        let source = SourceText(expression, file: "")
        do throws(MarkupError) {
            var parser = try ExpressionParser(source, range: 0..<source.bytes.count)
            let parsed = try parser.expression()
            try parser.expectEnd()
            return evaluate(parsed)
        } catch {
            return .null
        }
    }

    /// Sets a variable the way `assign` does.
    public mutating func assign(_ name: String, _ value: LiquidValue) {
        scopes[0][name] = value
    }

    /// Opens a scope (a loop body, an include).
    mutating func push(_ scope: [String: LiquidValue]) { scopes.append(scope) }

    /// Closes the innermost scope.
    mutating func pop() { scopes.removeLast() }
}
