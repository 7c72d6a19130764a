import Diagnostics
import Synchronization

/// Include files parsed once and shared by every engine that knows the same tags, blocks and filters
/// (a docs tree renders the same include on hundreds of pages).
public final class LiquidParseCache: Sendable {
    private struct Entry: Sendable {
        var text: String
        var registry: LiquidEngine.Registry
        var strict: Bool
        var nodes: [Node]
        var diagnostics: [Diagnostic]
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// An empty cache.
    public init() {}

    /// The nodes and parse diagnostics of `source` as a parser with `registry` and `strict` reads them;
    /// `parse` runs on first use.
    func parsed(_ source: IncludeSource, registry: LiquidEngine.Registry, strict: Bool,
                parse: () -> (nodes: [Node], diagnostics: [Diagnostic])) -> (nodes: [Node], diagnostics: [Diagnostic]) {
        if let entry = entries.withLock({ $0[source.file] }), entry.text == source.text, entry.registry == registry, entry.strict == strict {
            return (entry.nodes, entry.diagnostics)
        }
        let result = parse()
        entries.withLock {
            $0[source.file] = Entry(text: source.text, registry: registry, strict: strict, nodes: result.nodes, diagnostics: result.diagnostics)
        }
        return result
    }
}
