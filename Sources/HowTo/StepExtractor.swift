import Foundation
import Diagnostics
import HowToPlan
import Markdown

/// Finds the steps in a parsed block tree, per DESIGN.md "Steps", following tab and topology fragments.
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
    let topology: String
    /// The page's fragments and validations.
    let sink: KongSink
    /// What was found.
    private(set) var steps: [Draft] = []
    /// Bad attributes and the like.
    private(set) var diagnostics: [Diagnostic] = []
    /// The current H2 heading.
    private var section: String
    /// Whether the current H2 section belongs to another topology.
    private var skippingSection = false

    /// Languages whose fences are steps by default.
    static let shellLanguages: Set<String> = ["sh", "bash", "shell", "console"]

    init(topology: String, sink: KongSink, section: String) {
        self.topology = topology
        self.sink = sink
        self.section = section
    }

    /// Walks `blocks` in reading order.
    mutating func collect(_ blocks: [Block]) {
        for block in blocks {
            switch block {
            case let .heading(heading) where heading.level == 2:
                section = sink.plainText(heading.text)
                let only = heading.attributes["data-deployment-topology"]
                skippingSection = only != nil && only != topology
            case let .paragraph(paragraph) where !skippingSection:
                guard paragraph.text.hasPrefix("HOWTO"),
                      let fragment = sink.fragment(for: paragraph.text.trimmingCharacters(in: .whitespacesAndNewlines))
                else { continue }
                switch fragment {
                case let .tabs(tabs): collect(tabs[0].document.blocks)
                case let .topology(name, document) where name == topology: collect(document.blocks)
                case .topology: continue
                }
            case let .code(code) where !skippingSection:
                if code.attributes["data-deployment-topology"].map({ $0 != topology }) == true { continue }
                if let step = step(code) { steps.append(step) }
            case .blockQuote, .list:
                collect(block.children)
            default:
                continue
            }
        }
    }

    /// The step a code block makes, or nil when it is documentation.
    private mutating func step(_ code: CodeBlock) -> Draft? {
        let attrs = code.attributes
        if attrs.hasClass("no-test") || attrs.hasClass("no-copy-code") { return nil }
        let language = code.language?.lowercased() ?? ""
        let marked = attrs["data-test-step"].map { $0 != "false" } ?? false
        let validationType = attrs["data-test-validation"]
        guard Self.shellLanguages.contains(language) || marked || validationType != nil else { return nil }

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
            diagnostics.append(.warning(at: code.location, "unknown step attribute `\(key)`; known: \(StepAttributes.knownKeys.sorted().joined(separator: ", "))"))
        }
        let script = language == "console" ? Self.consoleCommands(code.literal) : code.literal
        guard !script.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }

        var draft = Draft(section: section, kind: .shell, script: script, attributes: attributes, location: code.location)
        if let validationType {
            guard let id = attrs["data-test-id"], let block = sink.validation(for: id) else {
                diagnostics.append(.error(at: code.location, "a `data-test-validation=\"\(validationType)\"` block must come from `{% validation \(validationType) %}`"))
                return nil
            }
            draft.kind = .validation
            draft.validation = block.validation
        } else if attrs["data-test-step-kind"] == "deck-apply" {
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
