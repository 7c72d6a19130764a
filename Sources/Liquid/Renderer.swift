import Foundation
import Diagnostics

/// Renders parsed nodes for one `LiquidEngine.render` call: variables, includes, handlers, diagnostics.
final class Renderer {
    /// Deepest include nesting.
    static let maxIncludeDepth = 16
    /// Loop iterations and includes one render may perform, so that no template runs away.
    static let maxSteps = 100_000
    /// Bytes one render may produce (output, captures and assigns), so that doubling captures stop.
    static let maxBytes = 64_000_000

    private let engine: LiquidEngine
    private let registry: LiquidEngine.Registry
    private let strict: Bool
    private var context: LiquidContext
    private(set) var diagnostics: [Diagnostic] = []
    /// The files being rendered, outermost first, for include cycle detection.
    private var fileStack: [String]
    /// Parsed includes by file, so each is parsed (and its syntax reported) once.
    private var parsedIncludes: [String: [Node]] = [:]
    private var steps = 0
    private var bytes = 0
    /// Set once a budget is spent: rendering stops there.
    private var exhausted = false
    private var lastLocation: SourceLocation

    init(engine: LiquidEngine, strict: Bool, context: LiquidContext, file: String) {
        self.engine = engine
        self.registry = engine.registry
        self.strict = strict
        self.context = context
        self.fileStack = [file]
        self.lastLocation = SourceLocation(file: file, line: 1)
    }

    /// Parses a template, collecting its diagnostics.
    func parse(_ source: SourceText) -> [Node] {
        var parser = Parser(Lexer(source), registry: registry, strict: strict)
        let nodes = parser.parse()
        diagnostics += parser.diagnostics
        return nodes
    }

    func render(_ nodes: [Node], into out: inout OutputBuffer) {
        for node in nodes where !exhausted { render(node, into: &out) }
    }

    private func render(_ node: Node, into out: inout OutputBuffer) {
        switch node {
        case .text(let text, let location):
            guard spend(bytes: text.utf8.count, at: location) else { return }
            out.appendLiteral(text, at: location)
        case .output(let expression, let location):
            let text = evaluate(expression).text
            guard spend(bytes: text.utf8.count, at: location) else { return }
            out.appendGenerated(text, at: location)
        case .conditional(let branches, let otherwise, let negateFirst):
            for (index, (condition, body)) in branches.enumerated() where context.test(condition) != (negateFirst && index == 0) {
                render(body, into: &out)
                return
            }
            render(otherwise, into: &out)
        case .loop(let loop):
            render(loop, into: &out)
        case .assign(let name, let expression):
            let value = evaluate(expression)
            if case .string(let text) = value, !spend(bytes: text.utf8.count, at: nil) { return }
            context.assign(name, value)
        case .capture(let name, let body):
            var captured = OutputBuffer(start: SourceLocation(file: "", line: 1))
            render(body, into: &captured)
            context.assign(name, .string(captured.text))
        case .include(let path, let parameters, let location):
            include(path, parameters, at: location, into: &out)
        case .tag(let name, let arguments, let location):
            guard let handler = engine.tags[name] else { return }
            let call = LiquidTagCall(name: name, arguments: arguments, context: context, location: location)
            do {
                let text = try handler(call)
                if spend(bytes: text.utf8.count, at: location) { out.appendGenerated(text, at: location) }
            } catch { report(error, at: location, in: name) }
        case .block(let name, let arguments, let body, let rawBody, let bodyLocation, let location):
            guard let handler = engine.blocks[name] else { return }
            var rendered = OutputBuffer(start: bodyLocation)
            render(body, into: &rendered)
            let call = LiquidBlockCall(name: name, arguments: arguments, body: rendered.text, rawBody: rawBody,
                                       bodyLocation: bodyLocation, context: context, location: location)
            do {
                let text = try handler(call)
                if spend(bytes: text.utf8.count, at: location) { out.appendGenerated(text, at: location) }
            } catch { report(error, at: location, in: name) }
        case .sequence(let nodes):
            render(nodes, into: &out)
        }
    }

    private func render(_ loop: Node.Loop, into out: inout OutputBuffer) {
        var items: [LiquidValue]
        if case .range(let low, let high) = loop.collection {
            guard let values = context.range(low, high) else {
                diagnostics.append(.error(at: loop.location, "`for` range must have integer bounds at most \(LiquidContext.maxRange) apart"))
                return
            }
            items = values.map(LiquidValue.int)
        } else {
            items = context.evaluate(loop.collection).elements
        }
        if let offset = loop.offset.flatMap({ context.evaluate($0).integer }) { items = Array(items.dropFirst(max(offset, 0))) }
        if let limit = loop.limit.flatMap({ context.evaluate($0).integer }) { items = Array(items.prefix(max(limit, 0))) }
        if loop.reversed { items.reverse() }
        guard !items.isEmpty else {
            render(loop.otherwise, into: &out)
            return
        }
        for (index, item) in items.enumerated() {
            guard spend(steps: 1, at: loop.location) else { return }
            let forloop: LiquidValue = [
                "index": .int(index + 1), "index0": .int(index), "rindex": .int(items.count - index),
                "rindex0": .int(items.count - index - 1), "first": .bool(index == 0),
                "last": .bool(index == items.count - 1), "length": .int(items.count),
            ]
            context.push([loop.variable: item, "forloop": forloop])
            render(loop.body, into: &out)
            context.pop()
        }
    }

    /// Jekyll's dynamic include path: each `{{ variable }}` in `k8s/{{ include.provider }}/x.md` is its value.
    private func dynamicPath(_ written: String) -> String {
        var path = ""
        var rest = Substring(written)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            path += rest[..<open.lowerBound]
            path += context.evaluate(String(rest[open.upperBound..<close.lowerBound]).trimmingLiquidSpace()).text
            rest = rest[close.upperBound...]
        }
        return path + rest
    }

    private func include(_ written: String, _ parameters: [(String, Expression)], at location: SourceLocation,
                         into out: inout OutputBuffer) {
        guard spend(steps: 1, at: location) else { return }
        let path = dynamicPath(written)
        let found: IncludeSource?
        do {
            found = try engine.includes(path)
        } catch {
            diagnostics.append(.error(at: location, "include `\(path)` refused: \(error)"))
            return
        }
        guard let source = found else {
            diagnostics.append(.error(at: location, "include `\(path)` not found"))
            return
        }
        if fileStack.contains(source.file) {
            let chain = (fileStack + [source.file]).joined(separator: " -> ")
            diagnostics.append(.error(at: location, "include cycle: \(chain)"))
            return
        }
        guard fileStack.count <= Self.maxIncludeDepth else {
            diagnostics.append(.error(at: location, "includes are nested deeper than \(Self.maxIncludeDepth) levels"))
            return
        }
        let nodes: [Node]
        if let parsed = parsedIncludes[source.file] {
            nodes = parsed
        } else {
            let (registry, strict) = (self.registry, self.strict)
            let parseHere = {
                var parser = Parser(Lexer(SourceText(source.text, file: source.file)), registry: registry, strict: strict)
                let nodes = parser.parse()
                return (nodes: nodes, diagnostics: parser.diagnostics)
            }
            let parsed = engine.parseCache?.parsed(source, registry: registry, strict: strict, parse: parseHere) ?? parseHere()
            nodes = parsed.nodes
            diagnostics += parsed.diagnostics
            parsedIncludes[source.file] = nodes
        }
        var values: [String: LiquidValue] = [:]
        for (key, expression) in parameters { values[key] = context.evaluate(expression) }
        fileStack.append(source.file)
        context.push(["include": .dictionary(values)])
        render(nodes, into: &out)
        context.pop()
        fileStack.removeLast()
    }

    /// The value of an output or assign, filters applied; a failing filter is reported and skipped.
    private func evaluate(_ expression: FilteredExpression) -> LiquidValue {
        var value = context.evaluate(expression.expression)
        for call in expression.filters {
            guard let filter = engine.filters[call.name] else { continue }
            do {
                value = try filter(value, call.arguments.map(context.evaluate))
            } catch {
                report(error, at: call.location, in: call.name)
            }
        }
        return value
    }

    /// Counts loop iterations, includes and produced bytes; false (reported once, at the last known
    /// location) when a budget is spent, after which rendering stops.
    private func spend(steps: Int = 0, bytes: Int = 0, at location: SourceLocation?) -> Bool {
        if let location { lastLocation = location }
        self.steps += steps
        self.bytes += bytes
        guard !exhausted, self.steps > Self.maxSteps || self.bytes > Self.maxBytes else { return !exhausted }
        exhausted = true
        let what = self.steps > Self.maxSteps ? "\(Self.maxSteps) loop iterations and includes" : "\(Self.maxBytes) bytes of output"
        diagnostics.append(.error(at: lastLocation, "template needs more than \(what); rendering stopped here"))
        return false
    }

    /// Turns a handler's or filter's error into diagnostics.
    private func report(_ error: any Error, at location: SourceLocation, in name: String) {
        switch error {
        case let diagnostic as Diagnostic: diagnostics.append(diagnostic)
        case let error as DiagnosticError: diagnostics += error.diagnostics
        default: diagnostics.append(.error(at: location, "`\(name)`: \(error)"))
        }
    }
}
