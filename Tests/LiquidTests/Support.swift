import Diagnostics
import Liquid

/// Renders `source` as `page.md`.
func render(_ source: String, _ context: [String: LiquidValue] = [:], engine: LiquidEngine = LiquidEngine(),
            strict: Bool = false) -> LiquidResult {
    engine.render(source, file: "page.md", context: context, strict: strict)
}

/// The output of `source`, which must render without diagnostics.
func output(_ source: String, _ context: [String: LiquidValue] = [:], engine: LiquidEngine = LiquidEngine()) -> String {
    let result = render(source, context, engine: engine)
    if !result.diagnostics.isEmpty { return "unexpected diagnostics: \(result.diagnostics)" }
    return result.output
}

/// `file:line:col: severity: message` of every diagnostic.
func diagnostics(_ result: LiquidResult) -> [String] { result.diagnostics.map(\.description) }

/// `file:line` of every output line.
func lineMap(_ result: LiquidResult) -> [String] { result.sourceLines.map { "\($0.file):\($0.line)" } }
