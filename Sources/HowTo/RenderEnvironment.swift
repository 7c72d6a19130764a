import Diagnostics
import HowToPlan
import Liquid
import Markdown
import Synchronization

/// Everything a page render needs: variables, includes, options and the sink the Kong blocks write to.
struct RenderEnvironment: Sendable {
    /// `site` and `page` for Liquid.
    var variables: [String: LiquidValue] {
        didSet { engines = EngineCache() }
    }
    /// Shared include files.
    let includes: IncludeStore
    /// Unknown tags are errors.
    let strict: Bool
    /// Raw HTML passes through markdown.
    let allowRawHTML: Bool
    /// Whether code blocks are highlighted (pages for the site).
    let highlightsCode: Bool
    /// The page's `tools` (default `formats` of entity examples).
    let tools: [String]
    /// Where the blocks leave their side data.
    let sink: KongSink
    /// This environment's engine, built on first use (a page renders dozens of strings with it).
    private var engines = EngineCache()

    init(variables: [String: LiquidValue], includes: IncludeStore, strict: Bool, allowRawHTML: Bool, highlightsCode: Bool = false,
         tools: [String], sink: KongSink) {
        self.variables = variables
        self.includes = includes
        self.strict = strict
        self.allowRawHTML = allowRawHTML
        self.highlightsCode = highlightsCode
        self.tools = tools
        self.sink = sink
    }

    /// A Liquid engine with the Kong tags, blocks and the `markdownify`, `liquify` and `json_prettify` filters.
    func engine() -> LiquidEngine {
        engines.engine(makeEngine)
    }

    private func makeEngine() -> LiquidEngine {
        let includes = self.includes
        let sink = self.sink
        var engine = LiquidEngine(includes: { name in
            let source = try includes.source(name)
            if let source { sink.used(include: source.file) }
            return source
        })
        engine.parseCache = includes.parsed
        // The engine's blocks and filters hold a copy with a cache of its own, so the engine does not hold itself.
        var copy = self
        copy.engines = EngineCache()
        let environment = copy
        KongBlocks.register(in: &engine, environment: environment)
        engine.register(filter: "markdownify") { input, _ in
            .string(MarkdownDocument.parse(input.text, file: "markdownify", options: environment.markdownOptions).html)
        }
        // Jekyll's `liquify` (Kong's filters/liquify.rb): the value's own Liquid, rendered with the page's variables.
        engine.register(filter: "liquify") { input, _ in
            .string(environment.liquid(input.text, at: SourceLocation(file: "liquify", line: 1)).output)
        }
        // Kong's `json_prettify` (filters/json_prettify.rb): `JSON.pretty_generate`, each line indented by the argument.
        engine.register(filter: "json_prettify") { input, arguments in
            let json = input.prettyJSON()
            guard let by = arguments.first?.integer, by > 0 else { return .string(json) }
            let pad = String(repeating: " ", count: min(by, 200))
            return .string(json.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n"))
        }
        return engine
    }

    /// Markdown options for this page, with every placeholder registered so far.
    var markdownOptions: MarkdownOptions {
        MarkdownOptions(allowRawHTML: allowRawHTML, hiddenAttributeKeys: StepAttributes.knownKeys, placeholders: sink.placeholderHTML,
                        highlightsCode: highlightsCode)
    }

    /// Renders Liquid in `text` (which starts at `location`).
    func liquid(_ text: String, at location: SourceLocation, variables extra: [String: LiquidValue]? = nil) -> LiquidResult {
        // Most front-matter strings have no markup: skip building an engine for them.
        guard LiquidResult.hasMarkup(text) else { return .verbatim(text, file: location.file, line: location.line) }
        return engine().render(text, file: location.file, line: location.line, context: extra ?? variables, strict: strict)
    }

    /// Liquid, then one markdown parse with the Liquid line map; diagnostics of both, in that order.
    func markdown(_ text: String, at location: SourceLocation, variables extra: [String: LiquidValue]? = nil)
        -> (document: MarkdownDocument, diagnostics: [Diagnostic])
    {
        guard LiquidResult.hasMarkup(text) else { return parsed(text, at: location) }
        let expanded = liquid(text, at: location, variables: extra)
        let document = MarkdownDocument.parse(
            expanded.output, file: location.file, sourceLines: expanded.sourceLines, options: markdownOptions)
        return (document, expanded.diagnostics + document.diagnostics)
    }

    /// One markdown parse of text that has no Liquid left (or never had any); lines count from `location`.
    func parsed(_ text: String, at location: SourceLocation) -> (document: MarkdownDocument, diagnostics: [Diagnostic]) {
        let lines = location.line == 1 ? nil : (0...text.utf8.count { $0 == UInt8(ascii: "\n") }).map {
            SourceLocation(file: location.file, line: location.line + $0)
        }
        let document = MarkdownDocument.parse(text, file: location.file, sourceLines: lines, options: markdownOptions)
        return (document, document.diagnostics)
    }

    /// The variables visible at a block call (all scopes flattened, innermost winning).
    static func flatten(_ context: LiquidContext) -> [String: LiquidValue] {
        context.scopes.reduce(into: [:]) { result, scope in result.merge(scope) { _, inner in inner } }
    }
}

/// The Liquid engine of one `RenderEnvironment` value, built once.
final class EngineCache: Sendable {
    private let engine = Mutex<LiquidEngine?>(nil)

    /// The engine, made with `make` the first time.
    func engine(_ make: () -> LiquidEngine) -> LiquidEngine {
        if let built = engine.withLock({ $0 }) { return built }
        let built = make()
        engine.withLock { $0 = built }
        return built
    }
}
