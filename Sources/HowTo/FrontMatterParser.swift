import Diagnostics
import Foundation
import Yams

/// Turns the composed front-matter YAML into a typed `FrontMatter`, validating it the way Kong's schemas do.
struct FrontMatterParser {
    /// Renders Liquid in a front-matter string with the page context; returns the text and its diagnostics.
    typealias Render = (_ text: String, _ location: SourceLocation) -> (String, [Diagnostic])

    private(set) var reader: YAMLReader
    /// `content/_includes`, where `include_content` targets live.
    let includes: IncludeStore
    let render: Render

    /// Every top-level key of the Kong how-to vocabulary (what a misspelt key is matched against).
    static let knownKeys: Set<String> = [
        "title", "content_type", "permalink", "products", "tldr", "description", "prereqs", "works_on",
        "related_resources", "tags", "min_version", "cleanup", "tools", "entities", "breadcrumbs", "plugins",
        "automated_tests", "faqs", "search_aliases", "next_steps", "series", "short_title", "tier", "published",
        "tech_preview", "beta", "rbac", "topology_switcher", "no_wrap", "wasm", "premium_partner", "api_specs",
        "tiers", "excerpt", "layout",
    ]
    /// The `works_on` topologies.
    static let topologies: Set<String> = ["on-prem", "konnect"]
    /// The `prereqs` sub-keys Kong's templates read (what a misspelt one is matched against).
    static let prereqKeys: Set<String> = [
        "inline", "entities", "skip_product", "kubernetes", "operator", "konnect", "gateway", "show_works_on",
        "enterprise", "cloud", "expand_accordion", "ports", "skip_tool", "entities_product",
    ]

    init(file: String, includes: IncludeStore, render: @escaping Render) {
        reader = YAMLReader(file: file, firstLine: SourceFile.frontMatterFirstLine)
        self.includes = includes
        self.render = render
    }

    var diagnostics: [Diagnostic] { reader.diagnostics }

    /// A permalink the site can be written to: `/`-rooted, no `.`/`..` segments, backslashes or control
    /// characters (the page is written to the output folder at this path).
    static func isSitePath(_ url: String) -> Bool {
        guard url.hasPrefix("/"), !url.unicodeScalars.contains(where: { $0 == "\\" || $0.properties.generalCategory == .control }) else { return false }
        return !url.split(separator: "/").contains { $0 == "." || $0 == ".." }
    }

    /// Reads the front matter; nil when it has errors that leave no usable model.
    mutating func parse(_ root: Node?) -> FrontMatter? {
        let top = SourceLocation(file: reader.file, line: 1)
        guard let root else {
            if !reader.diagnostics.hasErrors {
                reader.diagnostics.append(.error(at: top, "the front matter is empty: `title`, `content_type` and `products` are required"))
            }
            return nil
        }
        guard let pairs = reader.mapping(root, "front matter") else { return nil }
        var fm = FrontMatter(title: "", products: [])
        var seen: [String: Node] = [:]
        for (key, keyNode, value) in pairs {
            seen[key] = value
            read(key: key, keyNode: keyNode, value: value, into: &fm)
        }
        for required in ["title", "content_type", "products"] where seen[required] == nil {
            reader.diagnostics.append(.error(at: reader.location(root), "the required key `\(required)` is missing from the front matter"))
        }
        if fm.products == ["gateway"], seen["works_on"] == nil, seen["products"] != nil {
            reader.diagnostics.append(.error(at: reader.location(seen["products"]!), "`works_on` is required when `products` is [gateway]: add `works_on: [on-prem]` and/or `konnect`"))
        }
        return fm
    }

    // MARK: - Top-level keys

    private mutating func read(key: String, keyNode: Node, value: Node, into fm: inout FrontMatter) {
        switch key {
        case "title": fm.title = renderedString(value, key) ?? ""
        case "content_type":
            if let type = reader.string(value, key) {
                fm.contentType = type
                if type != "how_to" { reader.error(value, "`content_type` must be `how_to` for a how-to, not `\(type)`") }
            }
        case "description": fm.description = optional(value) { $0.renderedString(value, key) }
        case "permalink":
            fm.permalink = optional(value) { $0.reader.string(value, key) }
            if let permalink = fm.permalink, !Self.isSitePath(permalink) {
                reader.error(value, "`permalink` must be a site path such as `/how-to/name/` (starting with `/`, without `.` or `..` segments), not `\(permalink)`")
                fm.permalink = nil
            }
        case "products":
            fm.products = reader.strings(value, key)
            if fm.products.isEmpty, !reader.diagnostics.contains(where: { $0.location == reader.location(value) }) {
                reader.error(value, "`products` must name at least one product, e.g. `- gateway`")
            }
        case "works_on":
            fm.worksOn = reader.strings(value, key)
            for (i, item) in reader.sequence(value, key).enumerated() where i < fm.worksOn.count && !Self.topologies.contains(fm.worksOn[i]) {
                reader.error(item, "`works_on` value `\(fm.worksOn[i])` is not a topology: use `on-prem` or `konnect`")
            }
        case "min_version": fm.minVersion = minVersion(value)
        case "entities": fm.entities = reader.strings(value, key)
        case "plugins": fm.plugins = reader.strings(value, key)
        case "tags": fm.tags = reader.strings(value, key)
        case "search_aliases": fm.searchAliases = reader.strings(value, key)
        case "tools": fm.tools = reader.strings(value, key)
        case "api_specs": _ = reader.strings(value, key)
        case "tiers":
            // Kong's `tiers` maps a product to its tier name (`insomnia: enterprise`).
            for (product, _, tier) in reader.mapping(value, key) ?? [] { _ = reader.string(tier, "tiers.\(product)") }
        case "tldr": fm.tldr = optional(value) { $0.qa(value, key) }
        case "faqs": fm.faqs = reader.sequence(value, key).enumerated().compactMap { i, item in qa(item, "faqs[\(i)]") }
        case "related_resources": fm.relatedResources = links(value, key)
        case "next_steps": fm.nextSteps = links(value, key)
        case "prereqs": fm.prereqs = optional(value) { $0.prereqs(value) }
        case "cleanup": fm.cleanup = optional(value) { $0.cleanup(value) }
        case "series": fm.series = optional(value) { $0.series(value) }
        case "automated_tests": automatedTests(value, into: &fm)
        case "short_title": fm.shortTitle = optional(value) { $0.renderedString(value, key) }
        case "breadcrumbs": fm.breadcrumbs = breadcrumbs(value)
        case "tier": fm.tier = optional(value) { $0.reader.string(value, key) }
        case "topology_switcher": fm.topologySwitcher = optional(value) { $0.reader.string(value, key) }
        case "excerpt": fm.excerpt = optional(value) { $0.renderedString(value, key) }
        case "layout": _ = reader.string(value, key)
        case "published": fm.published = reader.bool(value, key)
        case "tech_preview": fm.techPreview = reader.bool(value, key)
        case "beta": fm.beta = reader.bool(value, key)
        case "rbac": fm.rbac = reader.bool(value, key)
        case "no_wrap": fm.noWrap = reader.bool(value, key)
        case "wasm": fm.wasm = reader.bool(value, key)
        case "premium_partner": _ = reader.bool(value, key)
        default:
            reader.warning(keyNode, "unknown front matter key `\(key)`\(Suggestion.hint(for: key, in: Self.knownKeys)); it is ignored")
        }
    }

    /// Null reads as absent for optional keys.
    private mutating func optional<T>(_ node: Node, _ read: (inout Self) -> T?) -> T? {
        YAMLReader.isNull(node) ? nil : read(&self)
    }

    private mutating func renderedString(_ node: Node, _ path: String) -> String? {
        guard let text = reader.string(node, path) else { return nil }
        return renderText(text, at: reader.contentLocation(node))
    }

    private mutating func renderText(_ text: String, at location: SourceLocation) -> String {
        guard text.containsBytes("{{") || text.containsBytes("{%") else { return text }
        let (out, diagnostics) = render(text, location)
        reader.diagnostics += diagnostics
        return out
    }

    private mutating func minVersion(_ node: Node) -> [String: String] {
        guard let pairs = reader.mapping(node, "min_version") else { return [:] }
        var versions: [String: String] = [:]
        for (product, keyNode, value) in pairs {
            if product.isEmpty || !product.allSatisfy({ $0.isLetter || $0 == "_" || $0 == "-" }) {
                reader.error(keyNode, "`min_version` key `\(product)` must be a product name (letters, `_`, `-`)")
            }
            if let scalar = value.scalar, YAMLReader.kind(value) == .str {
                versions[product] = scalar.string
            } else if let scalar = value.scalar, [.float, .int].contains(YAMLReader.kind(value)) {
                reader.error(value, "`min_version.\(product)` must be a string, but \(scalar.string) is read as a number (3.10 would become 3.1): quote it: '\(scalar.string)'")
            } else {
                reader.error(value, "`min_version.\(product)` must be a quoted version string such as '3.13', not \(YAMLReader.describe(value))")
            }
        }
        return versions
    }

    private mutating func qa(_ node: Node, _ path: String) -> FrontMatter.QA? {
        guard let pairs = reader.mapping(node, path) else { return nil }
        var q: String?, a: String?
        for (key, keyNode, value) in pairs {
            switch key {
            case "q": q = YAMLReader.isNull(value) ? "" : renderedString(value, "\(path).q")
            case "a": a = YAMLReader.isNull(value) ? "" : renderedString(value, "\(path).a")
            default: reader.warning(keyNode, "unknown key `\(key)` in `\(path)` (expected `q` and `a`); it is ignored")
            }
        }
        guard let q, let a else {
            reader.error(node, "`\(path)` needs both `q` (question) and `a` (answer)")
            return nil
        }
        return FrontMatter.QA(q: q, a: a, location: reader.location(node))
    }

    private mutating func links(_ node: Node, _ path: String) -> [Link] {
        reader.sequence(node, path).enumerated().compactMap { i, item in
            let itemPath = "\(path)[\(i)]"
            guard let pairs = reader.mapping(item, itemPath) else { return nil }
            var text: String?, url: String?
            for (key, keyNode, value) in pairs {
                switch key {
                case "text": text = renderedString(value, "\(itemPath).text")
                case "url":
                    url = reader.string(value, "\(itemPath).url")
                    if let u = url { checkRelativeURL(u, value, "\(itemPath).url") }
                case "icon": _ = reader.string(value, "\(itemPath).icon")
                default: reader.warning(keyNode, "unknown key `\(key)` in `\(itemPath)` (expected `text` and `url`); it is ignored")
                }
            }
            guard let text, let url else {
                reader.error(item, "`\(itemPath)` needs both `text` and `url`")
                return nil
            }
            return Link(text: text, url: url)
        }
    }

    /// Kong's build raises on a relative URL whose path does not end in `/`.
    private mutating func checkRelativeURL(_ url: String, _ node: Node, _ path: String) {
        guard url.hasPrefix("/"), !url.hasPrefix("//") else { return }
        let pathPart = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        if !pathPart.hasSuffix("/") {
            reader.error(node, "`\(path)` `\(url)` is a relative URL that does not end in `/`: write `\(pathPart)/` (before any `#`)")
        }
    }

    private mutating func series(_ node: Node) -> FrontMatter.Series? {
        guard let pairs = reader.mapping(node, "series") else { return nil }
        var id: String?, position: Int?
        for (key, keyNode, value) in pairs {
            switch key {
            case "id": id = reader.string(value, "series.id")
            case "position": position = reader.int(value, "series.position")
            default: reader.warning(keyNode, "unknown key `\(key)` in `series` (expected `id` and `position`); it is ignored")
            }
        }
        guard let id, let position else {
            reader.error(node, "`series` needs `id` and `position`")
            return nil
        }
        return FrontMatter.Series(id: id, position: position)
    }

    private mutating func automatedTests(_ node: Node, into fm: inout FrontMatter) {
        if node.mapping != nil, let pairs = reader.mapping(node, "automated_tests") {
            fm.automatedTests = true
            for (key, keyNode, value) in pairs {
                if key == "standalone_gateway" {
                    fm.standaloneGateway = reader.bool(value, "automated_tests.standalone_gateway") ?? false
                } else {
                    reader.warning(keyNode, "unknown key `\(key)` in `automated_tests`; it is ignored")
                }
            }
        } else {
            fm.automatedTests = reader.bool(node, "automated_tests")
        }
    }

    private mutating func breadcrumbs(_ node: Node) -> [[String: String]] {
        reader.sequence(node, "breadcrumbs").enumerated().compactMap { i, item in
            if let scalar = item.scalar, YAMLReader.kind(item) == .str { return ["url": scalar.string] }
            guard let pairs = reader.mapping(item, "breadcrumbs[\(i)]") else { return nil }
            var crumb: [String: String] = [:]
            for (key, _, value) in pairs { crumb[key] = reader.lenientString(value, "breadcrumbs[\(i)].\(key)") }
            return crumb
        }
    }

    // MARK: - prereqs and cleanup

    private mutating func prereqs(_ node: Node) -> FrontMatter.Prereqs? {
        guard let pairs = reader.mapping(node, "prereqs") else { return nil }
        var prereqs = FrontMatter.Prereqs()
        for (key, keyNode, value) in pairs {
            let path = "prereqs.\(key)"
            switch key {
            case "inline": prereqs.inline = inlineItems(value, path)
            case "entities":
                guard let kinds = reader.mapping(value, path) else { continue }
                for (kind, _, names) in kinds { prereqs.entities[kind] = reader.strings(names, "\(path).\(kind)") }
            case "skip_product": prereqs.skipProduct = reader.bool(value, path) ?? false
            case "show_works_on": prereqs.showWorksOn = reader.bool(value, path)
            case "enterprise": prereqs.enterprise = reader.bool(value, path) ?? false
            case "expand_accordion", "skip_tool": _ = reader.bool(value, path)
            case "gateway": prereqs.gatewayEnvironment = environment(value, path)
            case "konnect": prereqs.konnectEnvironment = environment(value, path)
            case "cloud": prereqs.cloud = reader.mapping(value, path)?.map(\.key) ?? []
            case "ports": _ = reader.strings(value, path)
            case "entities_product": _ = reader.string(value, path)
            case "kubernetes", "operator": _ = reader.mapping(value, path)
            default:
                let hint = key == "prereqs" ? " (a nested `prereqs:` is a typo)" : Suggestion.hint(for: key, in: Self.prereqKeys)
                reader.warning(keyNode, "unknown key `\(key)` in `prereqs`\(hint); it is ignored")
            }
        }
        return prereqs
    }

    private mutating func cleanup(_ node: Node) -> FrontMatter.Cleanup? {
        guard let pairs = reader.mapping(node, "cleanup") else { return nil }
        var cleanup = FrontMatter.Cleanup()
        for (key, keyNode, value) in pairs {
            if key == "inline" {
                cleanup.inline = inlineItems(value, "cleanup.inline")
            } else {
                reader.warning(keyNode, "unknown key `\(key)` in `cleanup` (expected `inline`); it is ignored")
            }
        }
        return cleanup
    }

    private mutating func environment(_ node: Node, _ path: String) -> [FrontMatter.EnvironmentVariable] {
        reader.sequence(node, path).enumerated().compactMap { i, item in
            guard let pairs = reader.mapping(item, "\(path)[\(i)]") else { return nil }
            var variable = FrontMatter.EnvironmentVariable(name: "")
            for (key, _, value) in pairs {
                switch key {
                case "name": variable.name = reader.string(value, "\(path)[\(i)].name") ?? ""
                case "value": variable.value = reader.lenientString(value, "\(path)[\(i)].value")
                default: reader.warning(item, "unknown key `\(key)` in `\(path)[\(i)]`; it is ignored")
                }
            }
            return variable.name.isEmpty ? nil : variable
        }
    }

    private mutating func inlineItems(_ node: Node, _ path: String) -> [FrontMatter.InlineItem] {
        reader.sequence(node, path).enumerated().compactMap { i, item in inlineItem(item, "\(path)[\(i)]") }
    }

    private mutating func inlineItem(_ node: Node, _ path: String) -> FrontMatter.InlineItem? {
        guard let pairs = reader.mapping(node, path) else { return nil }
        var title: String?, content: String?, include: String?, icon: String?, position: String?
        var contentLocation = reader.location(node)
        var includeNode: Node?
        for (key, keyNode, value) in pairs {
            switch key {
            case "title": title = renderedString(value, "\(path).title")
            case "content":
                content = reader.string(value, "\(path).content")
                contentLocation = reader.contentLocation(value)
            case "include_content":
                include = reader.string(value, "\(path).include_content")
                includeNode = value
            case "icon_url": icon = reader.string(value, "\(path).icon_url")
            case "icon": _ = reader.string(value, "\(path).icon")
            case "position":
                position = reader.string(value, "\(path).position")
                if let p = position, p != "before" { reader.error(value, "`\(path).position` can only be `before`, not `\(p)`") }
            default: reader.warning(keyNode, "unknown key `\(key)` in `\(path)`; it is ignored")
            }
        }
        guard let title else {
            reader.error(node, "`\(path)` needs a `title`")
            return nil
        }
        switch (content, include) {
        case (nil, nil):
            reader.error(node, "`\(path)` needs exactly one of `content` or `include_content`; it has neither")
            return nil
        case (.some, .some):
            reader.error(includeNode ?? node, "`\(path)` has both `content` and `include_content`; keep exactly one")
            return nil
        case let (nil, .some(target)):
            let file = IncludeStore.path(target, root: includes.root)
            do {
                guard try includes.source(target) != nil else {
                    reader.error(includeNode ?? node, "`include_content: \(target)` names a missing include: \(file) does not exist")
                    return nil
                }
            } catch {
                reader.error(includeNode ?? node, "`include_content: \(target)` refused: \(error)")
                return nil
            }
            contentLocation = SourceLocation(file: file, line: 1)
        case (.some, nil): break
        }
        return FrontMatter.InlineItem(
            title: title, content: content, includeContent: include, iconURL: icon, position: position,
            location: reader.location(node), contentLocation: contentLocation)
    }
}
