import Diagnostics
import Foundation
import Liquid
import Markdown
import Yams

/// The Kong developer-docs tags and blocks: `new_in`, `entity_examples`, `entity_example`, `validation`,
/// `navtabs`/`navtab`, `konnect`, `on_prem` and `env_variables`.
///
/// Blocks expand to markdown (code fences with attribute lists the plan reads) or to placeholders whose
/// HTML the Markdown renderer puts in after cmark, because cmark's safe mode drops raw HTML.
enum KongBlocks {
    /// Registers every Kong tag and block in `engine`.
    static func register(in engine: inout LiquidEngine, environment env: RenderEnvironment) {
        engine.register(tag: "new_in") { call in newIn(call, env) }
        engine.register(block: "entity_examples") { call in try entityExamples(call, env) }
        engine.register(block: "entity_example") { call in try entityExample(call, env) }
        engine.register(block: "validation") { call in try validation(call, env) }
        engine.register(block: "navtab") { call in try navtab(call, env) }
        engine.register(block: "navtabs") { call in try navtabs(call, env) }
        engine.register(block: "konnect") { call in topology("konnect", call, env) }
        engine.register(block: "on_prem") { call in topology("on-prem", call, env) }
        engine.register(block: "env_variables") { call in try environmentVariables(call, env) }
        for block in blocks { engine.register(block: block.name) { call in try block.render(call, env) } }
        engine.register(tag: "include_svg") { call in includeSVG(call, env) }
        engine.register(tag: "raise") { call in try raise(call) }
    }

    /// `{% raise "message" %}` (Kong's tags/raise.rb): the template refuses the page, as Jekyll's build stops.
    static func raise(_ call: LiquidTagCall) throws -> String {
        let message = call.context.evaluate(call.arguments).text
        throw DiagnosticError([.error(at: call.location, "the template refuses this page: \(message.isEmpty ? call.arguments : message)")])
    }

    /// The blocks that live in a file of their own under `Blocks/`.
    static let blocks: [any KongBlock.Type] = [
        KonnectAPIRequestBlock.self, ControlPlaneRequestBlock.self, HTTPRequestBlock.self, TableBlock.self, DetailsBlock.self,
        MermaidBlock.self, KonnectCRDBlock.self, HTTPRouteBlock.self, OperatorPodTemplateSpecBlock.self,
    ]

    /// `{% include_svg file_path=VAR %}` → an image of the site's SVG file (not inlined: an SVG can carry script).
    static func includeSVG(_ call: LiquidTagCall, _ env: RenderEnvironment) -> String {
        var path = ""
        for part in call.arguments.split(separator: " ") where part.hasPrefix("file_path=") {
            let value = String(part.dropFirst("file_path=".count))
            let quoted = value.first == "\"" || value.first == "'"
            path = quoted ? value.trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) : call.context.evaluate(value).text
        }
        let src = path.hasPrefix("/") ? path : "/" + path
        return env.sink.placeholder(html: "<img class=\"svg\" src=\"\(HTMLEscaping.escape(src))\" alt=\"\">", text: "")
    }

    /// `{% new_in 3.4 %}` → a `v3.4+` badge (the argument may also name a variable).
    static func newIn(_ call: LiquidTagCall, _ env: RenderEnvironment) -> String {
        var version = call.arguments.trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
        if version.first?.isNumber != true { version = call.context.evaluate(call.arguments).text }
        let label = "v\(version)+"
        return env.sink.placeholder(html: "<span class=\"badge new-in\">\(HTMLEscaping.escape(label))</span>", text: label)
    }

    /// `{% entity_examples %}` → the decK apply snippet as a `sh` fence marked `deck-apply`.
    static func entityExamples(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let yaml = try BlockYAML(call.body, at: call.bodyLocation, block: "entity_examples")
        let examples = try EntityExamples(yaml: yaml, tools: env.tools)
        return "\n\n```sh\n\(examples.command)\n```\n{: data-test-step-kind=\"deck-apply\" }\n\n"
    }

    /// `{% entity_example %}` (singular) → the decK file snippet (documentation, not a step).
    static func entityExample(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let yaml = try BlockYAML(call.body, at: call.bodyLocation, block: "entity_example")
        var (entries, reader) = try yaml.mapping("entity_example")
        guard let typeNode = entries["type"], let type = reader.string(typeNode, "type"), let data = entries["data"] else {
            reader.diagnostics.append(.error(at: call.location, "entity_example needs `type` and `data`"))
            throw DiagnosticError(reader.diagnostics)
        }
        if reader.diagnostics.hasErrors { throw DiagnosticError(reader.diagnostics) }
        let formats = entries["formats"].map { reader.strings($0, "formats") } ?? env.tools
        if !formats.isEmpty, !formats.contains("deck") {
            env.sink.report([.warning(at: call.location, "entity_example renders only the `deck` format here, not \(formats.joined(separator: ", "))")])
        }
        let plural = ["target": "upstreams", "sni": "certificates"][type] ?? type + "s"
        var variables: [String: EntityExamples.Variable] = [:]
        for (name, _, spec) in entries["variables"].flatMap({ reader.mapping($0, "variables") }) ?? [] {
            let value = spec.mapping?["value"]?.string.map { $0.hasPrefix("$") ? String($0.dropFirst()) : $0 } ?? name.uppercased()
            variables[name] = EntityExamples.Variable(value: value, literalBlock: spec.mapping?["literal_block"]?.bool ?? false)
        }
        let node = Yams.Node([(Yams.Node(plural), Yams.Node([data]))])
        let body = EntityExamples.deckData(node, variables: variables)
        return "\n\n```yaml\n_format_version: \"3.0\"\n\(body)```\n{: data-file=\"kong.yaml\" }\n\n"
    }

    /// `{% validation TYPE %}` → the check's command as a `bash` fence marked with the validation type.
    static func validation(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let type = call.arguments.trimmingCharacters(in: .whitespaces)
        guard !type.isEmpty else {
            throw DiagnosticError([.error(at: call.location, "`validation` needs a type, e.g. `{% validation vault-secret %}`")])
        }
        let yaml = try BlockYAML(call.body, at: call.bodyLocation, block: "validation \(type)")
        let block = try ValidationBlock(type: type, yaml: yaml, location: call.location)
        let id = env.sink.validation(block)
        return "\n\n```bash\n\(block.script)\n```\n{: data-test-validation=\"\(type)\" data-test-id=\"\(id)\" }\n\n"
    }

    /// `{% navtab "Title" %}` → its body parsed on its own (lines map to the source), referenced by a token.
    static func navtab(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let (title, slug) = tabTitle(call, env)
        guard !title.isEmpty else {
            throw DiagnosticError([.error(at: call.location, "`navtab` needs a title, e.g. `{% navtab \"CLI\" %}`")])
        }
        let (document, diagnostics) = env.markdown(call.rawBody, at: call.bodyLocation, variables: RenderEnvironment.flatten(call.context))
        _ = diagnostics // Liquid problems in the body were already reported by the enclosing render.
        env.sink.report(document.diagnostics)
        return "\n" + env.sink.tab(KongSink.Tab(title: title, slug: slug, document: document)) + "\n"
    }

    /// `{% navtabs "group" %}` → the tab set's HTML through a placeholder; the first tab is the executed path.
    static func navtabs(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let tokens = call.body.split(whereSeparator: \.isWhitespace).map(String.init)
        let tabs = tokens.compactMap { env.sink.tab(for: $0) }
        guard !tabs.isEmpty else {
            throw DiagnosticError([.error(at: call.location, "`navtabs` holds no `{% navtab \"Title\" %}` ... `{% endnavtab %}` blocks")])
        }
        let stray = tokens.filter { env.sink.tab(for: $0) == nil }.joined(separator: " ")
        if !stray.isEmpty {
            env.sink.report([.warning(at: call.location, "text between `navtab` blocks is dropped: `\(stray.prefix(40))`")])
        }
        let group = call.arguments.split(separator: " ").first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) } ?? ""
        var html = "<div class=\"tabs\" data-tab-group=\"\(HTMLEscaping.escape(group))\">\n<div class=\"tab-buttons\" role=\"tablist\">"
        for (i, tab) in tabs.enumerated() {
            html += "<button type=\"button\" role=\"tab\" class=\"tab-button\(i == 0 ? " active" : "")\" data-slug=\"\(HTMLEscaping.escape(tab.slug))\" aria-selected=\"\(i == 0)\">\(HTMLEscaping.escape(tab.title))</button>"
        }
        html += "</div>\n"
        for (i, tab) in tabs.enumerated() {
            html += "<div class=\"navtab-content\" role=\"tabpanel\" data-slug=\"\(HTMLEscaping.escape(tab.slug))\"\(i == 0 ? "" : " hidden")>\n\(tab.document.html)</div>\n"
        }
        html += "</div>"
        let text = tabs.map { "\($0.title)\n\($0.document.plainText)" }.joined(separator: "\n")
        return "\n\n" + env.sink.fragment(.tabs(tabs), html: html, text: text) + "\n\n"
    }

    /// `{% konnect %}` / `{% on_prem %}` → content for one topology (YAML `content:` or plain markdown), marked.
    static func topology(_ name: String, _ call: LiquidBlockCall, _ env: RenderEnvironment) -> String {
        var text = call.rawBody
        var location = call.bodyLocation
        if let yaml = try? BlockYAML(call.rawBody, at: call.bodyLocation, block: name), let content = yaml.root.mapping?["content"],
           let string = content.string
        {
            text = string
            location = yaml.reader.contentLocation(content)
        }
        let (document, diagnostics) = env.markdown(text, at: location, variables: RenderEnvironment.flatten(call.context))
        _ = diagnostics // Liquid problems in the body were already reported by the enclosing render.
        env.sink.report(document.diagnostics)
        let label = name == "konnect" ? "Konnect" : "On-prem"
        let html = "<div class=\"topology\" data-deployment-topology=\"\(name)\">\n<p class=\"topology-label\">\(label)</p>\n\(document.html)</div>"
        return "\n\n" + env.sink.fragment(.topology(name, document), html: html, text: document.plainText) + "\n\n"
    }

    /// `{% env_variables %}` YAML `NAME: value` → an `export` block (a shell step).
    static func environmentVariables(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
        let yaml = try BlockYAML(call.body, at: call.bodyLocation, block: "env_variables")
        var (_, reader) = try yaml.mapping("env_variables")
        var lines: [String] = []
        for (name, keyNode, value) in reader.mapping(yaml.root, "env_variables") ?? [] where !["section", "indent"].contains(name) {
            guard name.range(of: #"^[A-Za-z_][A-Za-z0-9_]*$"#, options: .regularExpression) != nil else {
                reader.error(keyNode, "`\(name)` is not a valid environment variable name")
                continue
            }
            let text = YAMLReader.isNull(value) ? "" : (reader.lenientString(value, name) ?? "")
            lines.append("export \(name)=\"\(text.replacingOccurrences(of: "\"", with: "\\\""))\"")
        }
        if reader.diagnostics.hasErrors { throw DiagnosticError(reader.diagnostics) }
        return "\n\n```sh\n\(lines.joined(separator: "\n"))\n```\n\n"
    }

    /// `"Title" slug=x` → the tab's title (a quoted Liquid template, as Kong renders it, or a `{{ variable }}`) and its slug.
    private static func tabTitle(_ call: LiquidBlockCall, _ env: RenderEnvironment) -> (String, String) {
        let args = call.arguments
        var title: String
        var rest = Substring(args)
        if let quote = args.first, quote == "\"" || quote == "'", let end = args.dropFirst().firstIndex(of: quote) {
            title = String(args[args.index(after: args.startIndex)..<end])
            let rendered = env.liquid(title, at: call.location, variables: RenderEnvironment.flatten(call.context))
            env.sink.report(rendered.diagnostics)
            title = rendered.output
            rest = args[args.index(after: end)...]
        } else {
            let word = args.split(separator: " ").first.map(String.init) ?? ""
            title = word.hasPrefix("{{") ? call.context.evaluate(word.trimmingCharacters(in: CharacterSet(charactersIn: "{} "))).text : word
            rest = args.dropFirst(word.count)
        }
        let slug = rest.split(separator: " ").first { $0.hasPrefix("slug=") }
            .map { String($0.dropFirst(5)).trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) } ?? slugify(title)
        title = title.trimmingCharacters(in: .whitespaces)
        return (title, slug)
    }

    static func slugify(_ text: String) -> String {
        var out = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber { out.append(c) } else if !out.hasSuffix("-") { out.append("-") }
        }
        return out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}
