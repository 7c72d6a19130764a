/// The Liquid subset used in how-to content: `{{ path | filter: arg }}`, whitespace control,
/// `if`/`elsif`/`else`/`unless`/`for`/`assign`/`capture`/`raw`/`comment`, `include path key=value`,
/// and registries for custom tags, blocks and filters.
///
/// Hand-written because no maintained Swift Liquid library exists; Stencil, the closest, lacks
/// `raw`, `unless`, `assign` and `capture`, escapes nothing and silently drops the rest of a page
/// after an unclosed `{{`. This engine never fails: every problem is a located diagnostic, and the
/// text around it is kept. Rendering also returns the source line of every output line.
import Diagnostics

/// Renders Liquid templates with a fixed set of custom tags, blocks, filters and an include loader.
public struct LiquidEngine: Sendable {
    /// The names the parser must know about.
    struct Registry: Sendable, Equatable {
        var tags: Set<String>
        var blocks: Set<String>
        var filters: Set<String>
    }

    /// Custom tags by name.
    public private(set) var tags: [String: LiquidTag]
    /// Custom blocks by name (`{% name %}...{% endname %}`).
    public private(set) var blocks: [String: LiquidBlock]
    /// Filters by name: the standard ones plus the caller's (which win).
    public private(set) var filters: [String: LiquidFilter]
    /// The names of `tags`, `blocks` and `filters`.
    private(set) var registry: Registry
    /// Loads `{% include path %}`: the file's text and path, or nil if there is none; an error (a file the
    /// loader refuses to read) is reported at the include tag.
    public let includes: @Sendable (String) throws -> IncludeSource?
    /// Parsed include files shared by engines (e.g. every page's), or nil to parse each file once per render.
    public var parseCache: LiquidParseCache?

    /// Creates an engine; `filters` add to and override `StandardFilters.all`.
    public init(tags: [String: LiquidTag] = [:], blocks: [String: LiquidBlock] = [:], filters: [String: LiquidFilter] = [:],
                includes: @escaping @Sendable (String) throws -> IncludeSource? = { _ in nil }) {
        self.tags = tags
        self.blocks = blocks
        self.filters = StandardFilters.all.merging(filters) { _, custom in custom }
        self.includes = includes
        self.registry = Registry(tags: Set(tags.keys), blocks: Set(blocks.keys), filters: Set(self.filters.keys))
    }

    /// Adds or replaces a custom tag.
    public mutating func register(tag name: String, _ handler: @escaping LiquidTag) {
        tags[name] = handler
        registry.tags.insert(name)
    }
    /// Adds or replaces a custom block.
    public mutating func register(block name: String, _ handler: @escaping LiquidBlock) {
        blocks[name] = handler
        registry.blocks.insert(name)
    }
    /// Adds or replaces a filter.
    public mutating func register(filter name: String, _ filter: @escaping LiquidFilter) {
        filters[name] = filter
        registry.filters.insert(name)
    }

    /// The most diagnostics one render reports; the rest are summed up in one last error.
    static let maxDiagnostics = 100

    /// Renders `source`, read from `file` starting at `line` (use the body's first line when front
    /// matter was cut off). `strict` turns unknown tags into errors.
    public func render(_ source: String, file: String, line: Int = 1, context: [String: LiquidValue],
                       strict: Bool = false) -> LiquidResult {
        guard LiquidResult.hasMarkup(source) else { return .verbatim(source, file: file, line: line) }
        let text = SourceText(source, file: file, firstLine: line)
        let renderer = Renderer(engine: self, strict: strict, context: LiquidContext(context), file: file)
        var buffer = OutputBuffer(start: SourceLocation(file: file, line: line))
        renderer.render(renderer.parse(text), into: &buffer)
        var diagnostics = renderer.diagnostics
        if diagnostics.count > Self.maxDiagnostics {
            let more = diagnostics.count - Self.maxDiagnostics
            let last = diagnostics[Self.maxDiagnostics]
            diagnostics = Array(diagnostics.prefix(Self.maxDiagnostics))
            diagnostics.append(.error(at: last.location, "\(more) more Liquid problems are not shown"))
        }
        return LiquidResult(output: buffer.text, sourceLines: buffer.lines, diagnostics: diagnostics)
    }
}
