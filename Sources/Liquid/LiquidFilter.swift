/// A filter: `{{ input | name: arguments }}`. Throw (for example a `LiquidError`) to report a located
/// error; the input then passes through unchanged.
public typealias LiquidFilter = @Sendable (_ input: LiquidValue, _ arguments: [LiquidValue]) throws -> LiquidValue
