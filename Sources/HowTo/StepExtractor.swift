import Foundation
import Diagnostics
import HowToPlan
import Markdown

/// Walks a parsed block tree in reading order, following tab and topology fragments: finds the steps
/// (ARCHITECTURE.md, "Steps") and records the passages a terminal reader is shown.
struct StepExtractor {
    /// A step before ids are assigned.
    struct Draft {
        var section: String
        var kind: Step.Kind
        var script: String
        var attributes: StepAttributes
        var validation: Validation?
        var location: SourceLocation
    }

    /// The topology the plan is for.
    let topology: Topology
    /// The page's fragments and validations.
    let sink: KongSink
    /// When set, only code blocks carrying this attribute are steps, as in Kong's harness, which runs a generated
    /// prerequisite's `{: data-test-prereq="block" }` blocks and nothing else of it.
    var requiredMarker: String?
    /// What was found.
    private(set) var steps: [Draft] = []
    /// The blocks in reading order.
    private(set) var passages: [Passage] = []
    /// Bad attributes and the like.
    private(set) var diagnostics: [Diagnostic] = []
    /// The current H2 heading.
    private var section: String
    /// Whether the current H2 section belongs to another topology.
    private var skippingSection = false
    /// Inside a tab other than the first: only its validations are steps (each `{% validation %}` block is one
    /// planned check; the first tab's commands are the ones that run).
    private var onlyValidations = false

    /// Languages whose fences are steps by default.
    static let shellLanguages: Set<String> = ["sh", "bash", "shell", "console"]

    init(topology: Topology, sink: KongSink, section: String) {
        self.topology = topology
        self.sink = sink
        self.section = section
    }

    /// Walks `blocks` in reading order.
    mutating func collect(_ blocks: [Block]) {
        for block in blocks {
            switch block {
            case let .heading(heading):
                if heading.level == 2 {
                    section = sink.plainText(heading.text)
                    let only = heading.attributes["data-deployment-topology"]
                    skippingSection = only != nil && only != topology.rawValue
                }
                if !skippingSection { passages.append(.heading(level: heading.level, text: sink.plainText(heading.text))) }
            case let .paragraph(paragraph) where !skippingSection:
                guard paragraph.text.hasPrefix("HOWTO"),
                      let fragment = sink.fragment(for: paragraph.text.trimmedWhitespace)
                else {
                    passages.append(.paragraph(paragraph.spans.map { InlineSpan(sink.plainText($0.text), style: $0.style) }))
                    continue
                }
                switch fragment {
                case let .tabs(tabs):
                    passages.append(.tabs(shown: tabs[0].title, others: tabs.dropFirst().map(\.title)))
                    collect(tabs[0].document.blocks)
                    let outer = onlyValidations
                    onlyValidations = true
                    let before = steps.count
                    let hidden = nested { extractor in for tab in tabs.dropFirst() { extractor.collect(tab.document.blocks) } }
                    onlyValidations = outer
                    // The other tabs' checks are shown where they run (a reader of the walk sees each one).
                    let checks = Set(steps[before...].map(\.location))
                    passages += hidden.filter { if case let .code(_, _, location) = $0 { checks.contains(location) } else { false } }
                case let .topology(name, document) where name == topology: collect(document.blocks)
                case .topology: continue
                }
            case let .code(code) where !skippingSection:
                if code.attributes["data-deployment-topology"].map({ $0 != topology.rawValue }) == true { continue }
                passages.append(.code(language: code.language, text: code.literal, location: code.location))
                if let step = step(code) { steps.append(step) }
            case let .blockQuote(quote) where !skippingSection:
                let inner = nested { $0.collect(quote.children) }
                passages.append(.callout(kind: quote.callout, inner))
            case let .list(list) where !skippingSection:
                let items = list.items.map { item in nested { $0.collect(item) } }
                passages.append(.list(ordered: list.ordered, start: list.start, items: items))
            case let .table(table) where !skippingSection:
                passages.append(.table(header: table.header.map(sink.plainText), rows: table.rows.map { $0.map(sink.plainText) }))
            default:
                continue
            }
        }
    }

    /// The passages `body` records, kept apart from the enclosing ones (a quote's or a list item's).
    private mutating func nested(_ body: (inout Self) -> Void) -> [Passage] {
        let outer = passages
        passages = []
        body(&self)
        defer { passages = outer }
        return passages
    }

    /// The step a code block makes, or nil when it is documentation.
    private mutating func step(_ code: CodeBlock) -> Draft? {
        let attrs = code.attributes
        if attrs.hasClass("no-test") || attrs.hasClass("no-copy-code") { return nil }
        let language = code.language?.lowercased() ?? ""
        let marked = attrs[requiredMarker ?? "data-test-step"].map { $0 != "false" } ?? false
        let planned = attrs["data-test-id"].flatMap(sink.plannedStep(for:))
        if let id = attrs["data-test-id"], planned == nil {
            diagnostics.append(.error(at: code.location, "`data-test-id=\"\(id)\"` names no step: only Kong blocks (`{% validation %}`, `{% entity_examples %}`) set it"))
            return nil
        }
        if let type = attrs["data-test-validation"], planned == nil {
            diagnostics.append(.error(at: code.location, "a `data-test-validation=\"\(type)\"` block must come from `{% validation \(type) %}`"))
            return nil
        }
        let isValidation = if case .validation? = planned { true } else { false }
        if onlyValidations, !isValidation { return nil }
        // A validation is always planned; any other block (a decK apply too) needs the marker where one is required.
        let byDefault = requiredMarker == nil && Self.shellLanguages.contains(language)
        guard byDefault || marked || isValidation else { return nil }

        var pairs: [String: String] = [:]
        for (key, value) in attrs.pairs { pairs[key] = value }
        let attributes: StepAttributes
        do {
            attributes = try StepAttributes(parsing: pairs)
        } catch {
            diagnostics.append(.error(at: code.location, "bad step attribute: \(error)"))
            return nil
        }
        for key in pairs.keys where !StepAttributes.knownKeys.contains(key) && !key.hasPrefix("data-") && !["id", "class", "style", "title"].contains(key) {
            diagnostics.append(.warning(at: code.location, "unknown step attribute `\(key)`\(Suggestion.hint(for: key, in: StepAttributes.knownKeys)); known: \(StepAttributes.knownKeys.sorted().joined(separator: ", "))"))
        }
        let script = language == "console" ? Self.consoleCommands(code.literal) : code.literal
        guard !script.isBlank else { return nil }

        var draft = Draft(section: section, kind: .shell, script: script, attributes: attributes, location: code.location)
        if case let .validation(block)? = planned {
            draft.kind = .validation
            draft.validation = block.validation
        } else if case .deckApply? = planned {
            draft.kind = .deckApply
        } else if attributes.provider != nil {
            draft.kind = .provider
        } else if attributes.background {
            draft.kind = .background
        } else if let probe = ServerCommand.defaultProbe(script) {
            draft.kind = .background
            draft.attributes.background = true
            if draft.attributes.ready == nil { draft.attributes.ready = probe }
        }
        if draft.kind == .background, draft.attributes.ready == nil, let probe = ServerCommand.defaultProbe(script) {
            draft.attributes.ready = probe
        }
        return draft
    }

    /// The commands of a `console` block: the text after each `$ ` prompt, with `\` continuations.
    static func consoleCommands(_ literal: String) -> String {
        var commands: [Substring] = []
        var continuing = false
        for line in literal.split(separator: "\n", omittingEmptySubsequences: false) {
            if continuing {
                commands.append(line)
            } else if line.hasPrefix("$ ") {
                commands.append(line.dropFirst(2))
            } else {
                continue
            }
            continuing = line.hasSuffix("\\")
        }
        return commands.isEmpty ? "" : commands.joined(separator: "\n") + "\n"
    }
}
