import Diagnostics
import Foundation
import HowToPlan
import Liquid
import Markdown
import Yams

/// One page load: split, front matter, body, prerequisites, cleanup, FAQs and the plan, collecting diagnostics.
struct PageLoading {
    let loader: ContentLoader
    let path: String
    let site: SiteConfig
    let topology: Topology
    private(set) var diagnostics: [Diagnostic] = []
    private let sink = KongSink()

    init(loader: ContentLoader, path: String, site: SiteConfig, topology: Topology) {
        self.loader = loader
        self.path = path
        self.site = site
        self.topology = topology
    }

    /// Loads the page; nil when it cannot be built at all (errors are in `diagnostics`).
    mutating func run(bytes: [UInt8]) -> HowToPage? {
        let source: SourceFile
        do {
            source = try SourceFile(path: path, bytes: bytes)
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
        let (slug, url) = pageAddress()
        var reader = YAMLReader(file: path, firstLine: SourceFile.frontMatterFirstLine)
        let root = reader.compose(source.frontMatter)
        diagnostics += reader.diagnostics
        if reader.diagnostics.hasErrors { return nil }

        var pageVariables: [String: LiquidValue] = [:]
        if let root, case let .dictionary(values) = LiquidValue(yaml: root) { pageVariables = values }
        pageVariables["url"] = .string(url)
        pageVariables["slug"] = .string(slug)
        pageVariables["path"] = .string(path)
        let tools = (root?.mapping?["tools"]?.sequence).map { $0.compactMap(\.string) } ?? []
        let environment = RenderEnvironment(
            variables: ["site": .dictionary(site.variables), "page": .dictionary(pageVariables)],
            includes: loader.includes, strict: loader.strict, allowRawHTML: site.allowRawHTML, highlightsCode: loader.highlightsCode,
            tools: tools, sink: sink)

        var parser = FrontMatterParser(file: path, includes: loader.includes) { text, location in
            let result = environment.liquid(text, at: location)
            return (result.output, result.diagnostics)
        }
        let parsed = parser.parse(root)
        diagnostics += parser.diagnostics
        guard var frontMatter = parsed, !diagnostics.hasErrors else { return nil }

        let body = environment.markdown(source.body, at: SourceLocation(file: path, line: source.bodyFirstLine))
        diagnostics += body.diagnostics

        var extractor = StepExtractor(topology: topology, sink: sink, section: frontMatter.title)
        let includeExists: (String) -> Bool = { [includes = loader.includes] in (try? includes.source($0)) != nil }
        // In a Kong tree, prerequisite and cleanup steps are what Kong's harness runs: the marked blocks only.
        let kongTree = (try? loader.includes.source(KongPrerequisites.itemTemplate)) != nil
        let inline = frontMatter.prereqs?.inline ?? []
        var entries = (inline.filter { $0.position == "before" } + inline.filter { $0.position != "before" }).map(KongPrerequisites.Entry.inline)
        var generated: GeneratedItemContext?
        if kongTree {
            let kong = KongPrerequisites(
                page: pageVariables, inline: inline, includeExists: includeExists,
                siteData: site.variables["data"] ?? .null)
            entries = kong.entries
            generated = GeneratedItemContext(drop: kong.drop, location: generatedItemLocation(source.frontMatter))
        }
        let (prerequisites, prerequisiteSteps) = renderEntries(entries, environment, page: pageVariables, generated,
                                                               marker: kongTree ? "data-test-prereq" : nil)
        extractor.collect(body.document.blocks)
        diagnostics += extractor.diagnostics
        let cleanupInline = frontMatter.cleanup?.inline ?? []
        let cleanupEntries = kongTree
            ? KongCleanup(page: pageVariables, inline: cleanupInline, includeExists: includeExists).entries
            : cleanupInline.map(KongPrerequisites.Entry.inline)
        let (cleanup, cleanupSteps) = renderEntries(cleanupEntries, environment, page: pageVariables, generated,
                                                    marker: kongTree ? "data-test-cleanup" : nil)

        let faqs = frontMatter.faqs.map { renderFAQ($0, environment) }
        let tldrHTML = frontMatter.tldr.flatMap { tldr in
            tldr.a.isEmpty ? nil : environment.parsed(tldr.a, at: tldr.location).document.html
        }
        plainTextFrontMatter(&frontMatter)
        diagnostics += sink.diagnostics

        let plan = makePlan(frontMatter, prerequisites: prerequisiteSteps, body: extractor.steps, cleanup: cleanupSteps)
        if plan.steps.isEmpty, !diagnostics.hasErrors {
            // Kong publishes how-tos it does not test (`automated_tests: false`, UI walkthroughs): a page, not a defect.
            let untested = frontMatter.automatedTests == false || loader.howToFolder.hasSuffix("_how-tos")
            let message = "the how-to has no runnable step: add a ```sh block, or mark a block with {: data-test-step=\"block\" }"
            let location = SourceLocation(file: path, line: source.bodyFirstLine)
            diagnostics.append(untested ? .warning(at: location, message) : .error(at: location, message))
        }
        diagnostics = Self.unique(diagnostics)
        return HowToPage(
            sourcePath: path, slug: slug, url: frontMatter.permalink ?? url, frontMatter: frontMatter,
            bodyHTML: body.document.html, passages: extractor.passages,
            headings: body.document.headings.map { heading in
                var shown = heading
                shown.text = sink.plainText(heading.text)
                return shown
            },
            nestedHeadingIDs: sink.fragmentHeadingIDs,
            plainText: sink.plainText(body.document.plainText), prerequisites: prerequisites, cleanup: cleanup,
            faqs: faqs, tldrHTML: tldrHTML, plan: plan, includes: sink.usedIncludes)
    }

    /// `how-to/a/b.md` → slug `a/b`, URL `/how-to/a/b/` (a `permalink` replaces the URL).
    private func pageAddress() -> (String, String) {
        let relative = loader.collectionPath(of: path)
        return (relative, "/how-to/\(relative)/")
    }

    /// Renders prerequisite or cleanup entries; the steps of the items shown for this topology, in order
    /// (only blocks carrying `marker` when one is given; generated items always need Kong's marker).
    private mutating func renderEntries(_ entries: [KongPrerequisites.Entry], _ environment: RenderEnvironment,
                                        page: [String: LiquidValue], _ generated: GeneratedItemContext?,
                                        marker: String?) -> ([RenderedItem], [StepExtractor.Draft]) {
        var items: [RenderedItem] = []
        var steps: [StepExtractor.Draft] = []
        for entry in entries {
            let item: (rendered: RenderedItem, steps: [StepExtractor.Draft])?
            switch entry {
            case let .inline(inline): item = renderItem(inline, environment, marker: marker)
            case let .generated(liquid, itemTopology):
                item = generated.flatMap { renderGenerated(liquid, topology: itemTopology, environment, page: page, $0, marker: marker ?? "") }
            }
            guard let item else { continue }
            items.append(item.rendered)
            if item.rendered.topology == nil || item.rendered.topology == topology { steps += item.steps }
        }
        return (items, steps)
    }

    /// What every generated prerequisite of a page shares: the `prereqs` value and where the items are located.
    private struct GeneratedItemContext {
        var drop: LiquidValue
        var location: SourceLocation
    }

    /// The front-matter line of `prereqs:` (else `products:`), where generated prerequisites are located.
    private func generatedItemLocation(_ frontMatter: String) -> SourceLocation {
        let lines = frontMatter.split(separator: "\n", omittingEmptySubsequences: false)
        let index = lines.firstIndex { $0.hasPrefix("prereqs:") } ?? lines.firstIndex { $0.hasPrefix("products:") }
        return SourceLocation(file: path, line: SourceFile.frontMatterFirstLine + (index ?? 0), column: 1)
    }

    /// Renders a generated prerequisite or cleanup item with Kong's template in its markdown form (`### Title`, then
    /// the content); only its `marker` blocks are steps, as in Kong's harness. Nil when it renders no item.
    private mutating func renderGenerated(_ liquid: String, topology itemTopology: Topology?, _ environment: RenderEnvironment,
                                          page: [String: LiquidValue], _ context: GeneratedItemContext,
                                          marker: String) -> (RenderedItem, [StepExtractor.Draft])? {
        var markdownPage = page
        markdownPage["output_format"] = .string("markdown")
        // The item's own environment, so that `liquify` inside the templates sees `prereqs` too.
        var itemEnvironment = environment
        itemEnvironment.variables["page"] = .dictionary(markdownPage)
        itemEnvironment.variables["prereqs"] = context.drop
        // What the item shows comes from the front matter's `prereqs`, `products` or `tools`: its problems and steps are located there.
        let location = context.location
        let result = itemEnvironment.liquid(liquid, at: location)
        diagnostics += result.diagnostics
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        guard let heading = lines.firstIndex(where: { $0.hasPrefix("### ") }) else { return nil }
        var title = titleText(String(lines[heading].dropFirst(4)))
        // The markdown form prefixes a two-topology page's titles for LLM readers (`site.llm_copy`); the page does not.
        for case let .string(prefix) in (site.variables["llm_copy"] ?? .null).elements.map({ $0[.int(1)] }) where title.hasPrefix(prefix + ": ") {
            title.removeFirst(prefix.count + 2)
        }
        // The template already rendered the Liquid (and `liquify` again): the content is markdown only.
        let content = lines[(heading + 1)...].joined(separator: "\n")
        let document = MarkdownDocument.parse(content, file: path, sourceLines: Array(repeating: location, count: lines.count + 1),
                                              options: itemEnvironment.markdownOptions)
        diagnostics += document.diagnostics
        return item(title: title, document, iconURL: nil, topology: itemTopology, marker: marker)
    }

    /// Renders a prerequisite or cleanup item and extracts its steps (section = the item title; only blocks
    /// carrying `marker` when one is given).
    private mutating func renderItem(_ item: FrontMatter.InlineItem, _ environment: RenderEnvironment, marker: String?)
        -> (RenderedItem, [StepExtractor.Draft])
    {
        var text = item.content ?? ""
        // The front-matter parser already refused a missing include or one that leads out of the root.
        if let include = item.includeContent, let source = try? loader.includes.source(include) {
            text = source.text
            sink.used(include: source.file)
        }
        let (document, found) = environment.markdown(text, at: item.contentLocation)
        diagnostics += found
        var topology: Topology?
        switch item.includeContent.map({ $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }) {
        case "cleanup/platform/konnect": topology = .konnect
        case "cleanup/products/gateway": topology = .onPrem
        default:
            let fragments = document.blocks.map { block -> Topology? in
                guard case let .paragraph(p) = block, case let .topology(name, _)? = sink.fragment(for: p.text) else { return nil }
                return name
            }
            if let first = fragments.first ?? nil, fragments.allSatisfy({ $0 == first }) { topology = first }
        }
        return self.item(title: titleText(item.title), document, iconURL: item.iconURL, topology: topology, marker: marker)
    }

    /// An item title is markdown text (Kong's `decK &nbsp; {% new_in 1.47 %}`): its plain text, entities decoded.
    private func titleText(_ markdown: String) -> String {
        // Most titles are words and spaces (placeholder tokens are too), which markdown leaves as they are.
        let plain = markdown.first?.isLetter == true && markdown.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " }
        return sink.plainText(plain ? markdown : MarkdownDocument.parse(markdown, file: path).plainText).trimmedWhitespace
    }

    /// An item made of a parsed document, and its steps (section = the title; only blocks carrying `marker` when one is given).
    private mutating func item(title: String, _ document: MarkdownDocument, iconURL: String?, topology itemTopology: Topology?,
                               marker: String?) -> (RenderedItem, [StepExtractor.Draft]) {
        var extractor = StepExtractor(topology: topology, sink: sink, section: title)
        extractor.requiredMarker = marker
        extractor.collect(document.blocks)
        diagnostics += extractor.diagnostics
        let rendered = RenderedItem(title: title, html: document.html, iconURL: iconURL, topology: itemTopology,
                                    passages: extractor.passages, headingIDs: document.headings.map(\.id))
        return (rendered, extractor.steps)
    }

    /// Liquid, then markdown, for a question and its answer.
    private mutating func renderFAQ(_ qa: FrontMatter.QA, _ environment: RenderEnvironment) -> FAQ {
        let question = environment.parsed(qa.q, at: qa.location)
        let answer = environment.parsed(qa.a, at: qa.location)
        diagnostics += question.diagnostics.filter { $0.severity == .error } + answer.diagnostics.filter { $0.severity == .error }
        var questionHTML = question.document.html.trimmedWhitespace
        if questionHTML.hasPrefix("<p>"), questionHTML.hasSuffix("</p>"), !String(questionHTML.dropFirst(3)).containsBytes("<p>") {
            questionHTML = String(questionHTML.dropFirst(3).dropLast(4))
        }
        return FAQ(
            question: sink.plainText(question.document.plainText).trimmedWhitespace,
            questionHTML: questionHTML, answerHTML: answer.document.html,
            answerText: sink.plainText(answer.document.plainText).trimmedWhitespace)
    }

    /// Placeholder tokens in front-matter strings become their text (`v3.4+`).
    private func plainTextFrontMatter(_ fm: inout FrontMatter) {
        fm.title = sink.plainText(fm.title)
        fm.description = fm.description.map(sink.plainText)
        fm.shortTitle = fm.shortTitle.map(sink.plainText)
        fm.tldr = fm.tldr.map { FrontMatter.QA(q: sink.plainText($0.q), a: sink.plainText($0.a), location: $0.location) }
        fm.faqs = fm.faqs.map { FrontMatter.QA(q: sink.plainText($0.q), a: sink.plainText($0.a), location: $0.location) }
        fm.relatedResources = fm.relatedResources.map { Link(text: sink.plainText($0.text), url: $0.url) }
        fm.nextSteps = fm.nextSteps.map { Link(text: sink.plainText($0.text), url: $0.url) }
        let plain = { (items: [FrontMatter.InlineItem]) in
            items.map { item in
                var item = item
                item.title = sink.plainText(item.title)
                return item
            }
        }
        if var prereqs = fm.prereqs {
            prereqs.inline = plain(prereqs.inline)
            fm.prereqs = prereqs
        }
        if var cleanup = fm.cleanup {
            cleanup.inline = plain(cleanup.inline)
            fm.cleanup = cleanup
        }
    }

    /// Numbers the steps `s1`, `s2`, ... in plan order (prerequisites, body, cleanup).
    private func makePlan(_ fm: FrontMatter, prerequisites: [StepExtractor.Draft], body: [StepExtractor.Draft],
                          cleanup: [StepExtractor.Draft]) -> Plan {
        var counter = 0
        func steps(_ drafts: [StepExtractor.Draft], _ phase: Step.Phase) -> [Step] {
            drafts.map { d in
                counter += 1
                return Step(id: "s\(counter)", section: d.section, kind: d.kind, phase: phase, script: d.script,
                            attributes: d.attributes, validation: d.validation, location: d.location)
            }
        }
        let main = steps(prerequisites, .prerequisite) + steps(body, .body)
        return Plan(file: path, title: fm.title, topology: topology, minVersion: fm.minVersion,
                    automatedTests: fm.automatedTests ?? true, steps: main, cleanup: steps(cleanup, .cleanup))
    }

    /// Drops repeats (nested renders can report the same problem twice), keeping the first.
    private static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
