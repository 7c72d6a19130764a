import Diagnostics

/// Turns tokens into nodes. Never fails: every problem becomes a diagnostic and the text around it is kept.
struct Parser {
    /// Deepest block nesting accepted; deeper blocks are reported and ignored.
    static let maxDepth = 50

    private let source: SourceText
    private let tokens: [Token]
    private let registry: LiquidEngine.Registry
    private let strict: Bool
    /// Every tag name in the template, to tell an unknown block (`foo` ... `endfoo`) from an unknown tag;
    /// computed at the first unknown tag.
    private var tagNames: Set<String>?
    private var index = 0
    /// The closing tags each open block waits for, innermost last.
    private var open: [Set<String>] = []
    private(set) var diagnostics: [Diagnostic]

    init(_ lexer: Lexer, registry: LiquidEngine.Registry, strict: Bool) {
        self.source = lexer.source
        self.tokens = lexer.tokens
        self.registry = registry
        self.strict = strict
        self.diagnostics = lexer.diagnostics
    }

    /// Parses the whole template.
    mutating func parse() -> [Node] {
        parseBody(until: []).0  // no block is open at the top, so this runs to the end
    }

    // MARK: Bodies

    /// A tag of the template: its name, its arguments and where it starts.
    private struct Tag {
        var name: String
        var arguments: Range<Int>
        var token: Token
    }

    private func tag(_ token: Token) -> Tag {
        let (name, arguments) = source.tagParts(token.range)
        return Tag(name: name, arguments: arguments, token: token)
    }

    /// Parses nodes until one of `terminators` (consumed and returned), the end of the template, or the
    /// closing tag of an enclosing block (not consumed; the result's terminator is then nil).
    private mutating func parseBody(until terminators: Set<String>) -> ([Node], Tag?) {
        var nodes: [Node] = []
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .text:
                index += 1
                if !token.range.isEmpty { nodes.append(.text(source.string(token.range), source.location(token.range.lowerBound))) }
            case .output:
                index += 1
                if let expression = filtered(token.range) { nodes.append(.output(expression, location(token))) }
            case .tag:
                let tag = tag(token)
                if terminators.contains(tag.name) {
                    index += 1
                    return (nodes, tag)
                }
                if tag.name.hasPrefix("end"), open.contains(where: { $0.contains(tag.name) }) { return (nodes, nil) }
                index += 1
                if let node = parseTag(tag) { nodes.append(node) }
            }
        }
        return (nodes, nil)
    }

    /// Parses a block's body up to one of `terminators`, reporting the block if it is never closed.
    private mutating func parseBlockBody(_ opening: Tag, until terminators: Set<String>) -> ([Node], Tag?) {
        open.append(terminators)
        defer { open.removeLast() }
        let (body, terminator) = parseBody(until: terminators)
        if terminator == nil {
            let end = terminators.first { $0.hasPrefix("end") } ?? "end\(opening.name)"
            report(.error, opening.token, "`\(opening.name)` is never closed with `{% \(end) %}`; its content is kept as is")
        }
        return (body, terminator)
    }

    // MARK: Tags

    private mutating func parseTag(_ tag: Tag) -> Node? {
        if open.count >= Self.maxDepth, isBlock(tag.name) {
            report(.error, tag.token, "blocks are nested deeper than \(Self.maxDepth) levels; `\(tag.name)` is ignored")
            return nil
        }
        switch tag.name {
        case "if": return conditional(tag, negateFirst: false)
        case "unless": return conditional(tag, negateFirst: true)
        case "for": return loop(tag)
        case "assign": return assign(tag)
        case "capture": return capture(tag)
        case "raw": return raw(tag)
        case "comment": return comment(tag)
        case "#": return nil
        case "include", "include_cached": return include(tag)
        case "else", "elsif":
            report(.error, tag.token, "`\(tag.name)` outside of `if`, `unless` or `for`")
            return nil
        case "":
            report(.error, tag.token, "tag without a name")
            return nil
        default:
            if registry.tags.contains(tag.name) {
                return .tag(name: tag.name, arguments: source.string(tag.arguments), location(tag.token))
            }
            if registry.blocks.contains(tag.name) { return customBlock(tag) }
            if tag.name.hasPrefix("end") {
                report(.error, tag.token, "`\(tag.name)` without an open `\(tag.name.dropFirst(3))`")
                return nil
            }
            let known = registry.tags.union(registry.blocks).union(Self.blockTags)
            report(strict ? .error : .warning, tag.token, "unknown tag `\(tag.name)`\(Suggestion.hint(for: tag.name, in: known))")
            guard hasTag(named: "end\(tag.name)") else { return nil }
            let (body, _) = parseBlockBody(tag, until: ["end\(tag.name)"])
            return .sequence(body)
        }
    }

    private static let blockTags: Set<String> = ["if", "unless", "for", "capture", "raw", "comment"]

    /// Whether `name` opens a block: a built-in one, a registered one, or an unknown one with an `end` tag.
    private mutating func isBlock(_ name: String) -> Bool {
        Self.blockTags.contains(name) || registry.blocks.contains(name)
            || (!registry.tags.contains(name) && hasTag(named: "end\(name)"))
    }

    /// Whether the template has a tag called `name` anywhere.
    private mutating func hasTag(named name: String) -> Bool {
        if tagNames == nil { tagNames = Set(tokens.filter { $0.kind == .tag }.map { tag($0).name }) }
        return tagNames!.contains(name)
    }

    private mutating func conditional(_ opening: Tag, negateFirst: Bool) -> Node {
        let end = "end\(opening.name)"
        var branches: [(Condition, [Node])] = []
        var condition = self.condition(opening)
        while true {
            let (body, terminator) = parseBlockBody(opening, until: ["elsif", "else", end])
            switch terminator?.name {
            case "elsif":
                branches.append((condition, body))
                condition = self.condition(terminator!)
            case "else":
                branches.append((condition, body))
                let (otherwise, closed) = parseBlockBody(opening, until: [end])
                if closed == nil { return .sequence(branches.flatMap(\.1) + otherwise) }
                return .conditional(branches: branches, otherwise: otherwise, negateFirst: negateFirst)
            case .some:
                branches.append((condition, body))
                return .conditional(branches: branches, otherwise: [], negateFirst: negateFirst)
            case nil:
                return .sequence(branches.flatMap(\.1) + body)
            }
        }
    }

    private mutating func loop(_ opening: Tag) -> Node {
        var loop: Node.Loop?
        do throws(MarkupError) {
            var p = try ExpressionParser(source, range: opening.arguments)
            let variable = try p.identifier()
            try p.expect("in")
            var parsed = Node.Loop(variable: variable, collection: try p.expression(), limit: nil, offset: nil,
                                   reversed: false, body: [], otherwise: [], location: location(opening.token))
            while !p.atEnd {
                if p.accept("reversed") { parsed.reversed = true } else if p.accept("limit") {
                    try p.expect(":")
                    parsed.limit = try p.expression()
                } else if p.accept("offset") {
                    try p.expect(":")
                    parsed.offset = try p.expression()
                } else {
                    throw p.unexpected(expected: "`limit:`, `offset:` or `reversed`")
                }
            }
            loop = parsed
        } catch {
            report(error, "in `for`")
        }
        let (body, terminator) = parseBlockBody(opening, until: ["else", "endfor"])
        var otherwise: [Node] = []
        if terminator?.name == "else" {
            let (elseBody, closed) = parseBlockBody(opening, until: ["endfor"])
            if closed == nil { return .sequence(body + elseBody) }
            otherwise = elseBody
        }
        guard terminator != nil, var loop else { return .sequence(body + otherwise) }
        loop.body = body
        loop.otherwise = otherwise
        return .loop(loop)
    }

    private mutating func assign(_ tag: Tag) -> Node? {
        do throws(MarkupError) {
            var p = try ExpressionParser(source, range: tag.arguments, filters: registry.filters)
            let name = try p.identifier()
            try p.expect("=")
            let value = try p.filtered()
            try p.expectEnd()
            reportUnknownFilters(p)
            return .assign(name, value)
        } catch {
            report(error, "in `assign`")
            return nil
        }
    }

    private mutating func capture(_ opening: Tag) -> Node {
        var name: String?
        do throws(MarkupError) {
            var p = try ExpressionParser(source, range: opening.arguments)
            name = try p.nameOrString()
            try p.expectEnd()
        } catch {
            report(error, "in `capture`")
        }
        let (body, terminator) = parseBlockBody(opening, until: ["endcapture"])
        guard terminator != nil, let name else { return .sequence(body) }
        return .capture(name, body)
    }

    private mutating func raw(_ opening: Tag) -> Node? {
        var i = index
        var text: [Node] = []
        if i < tokens.count, tokens[i].kind == .text {
            text = [.text(source.string(tokens[i].range), source.location(tokens[i].range.lowerBound))]
            i += 1
        }
        if i < tokens.count, tokens[i].kind == .tag, tag(tokens[i]).name == "endraw" {
            index = i + 1
            return .sequence(text)
        }
        report(.error, opening.token, "`raw` is never closed with `{% endraw %}`; the rest is kept as text")
        let start = opening.token.outer.upperBound
        index = tokens.count
        return .text(source.string(start..<source.bytes.count), source.location(start))
    }

    private mutating func comment(_ opening: Tag) -> Node? {
        if index < tokens.count, tokens[index].kind == .tag, tag(tokens[index]).name == "endcomment" {
            index += 1
            return nil
        }
        let (body, _) = parseBlockBody(opening, until: ["endcomment"])
        return .sequence(body)
    }

    private mutating func include(_ tag: Tag) -> Node? {
        let b = source.bytes
        var i = tag.arguments.lowerBound
        let quote = i < tag.arguments.upperBound ? b[i] : 0
        let path: String
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            i += 1
            while i < tag.arguments.upperBound, b[i] != quote { i += 1 }
            path = source.string(tag.arguments.lowerBound + 1..<i)
            if i < tag.arguments.upperBound { i += 1 }
        } else {
            while i < tag.arguments.upperBound, !b[i].isLiquidSpace {
                // Jekyll's dynamic path: `{{ variable }}` inside it may hold spaces.
                if b[i] == UInt8(ascii: "{"), i + 1 < tag.arguments.upperBound, b[i + 1] == UInt8(ascii: "{") {
                    while i + 1 < tag.arguments.upperBound, !(b[i] == UInt8(ascii: "}") && b[i + 1] == UInt8(ascii: "}")) { i += 1 }
                    i += 1
                }
                i += 1
            }
            i = min(i, tag.arguments.upperBound)
            path = source.string(tag.arguments.lowerBound..<i)
        }
        guard !path.isEmpty else {
            report(.error, tag.token, "`\(tag.name)` needs a file path")
            return nil
        }
        do throws(MarkupError) {
            var p = try ExpressionParser(source, range: i..<tag.arguments.upperBound)
            var parameters: [(String, Expression)] = []
            while !p.atEnd {
                let key = try p.identifier()
                if !p.accept("=") { try p.expect(":") }
                parameters.append((key, try p.expression()))
                _ = p.accept(",")
            }
            return .include(path: path, parameters: parameters, location(tag.token))
        } catch {
            report(error, "in `\(tag.name)` parameters")
            return nil
        }
    }

    private mutating func customBlock(_ opening: Tag) -> Node {
        let bodyStart = opening.token.outer.upperBound
        let (body, terminator) = parseBlockBody(opening, until: ["end\(opening.name)"])
        guard let terminator else { return .sequence(body) }
        return .block(name: opening.name, arguments: source.string(opening.arguments), body: body,
                      rawBody: source.string(bodyStart..<terminator.token.outer.lowerBound),
                      bodyLocation: source.location(bodyStart), location(opening.token))
    }

    // MARK: Expressions

    private mutating func filtered(_ range: Range<Int>) -> FilteredExpression? {
        do throws(MarkupError) {
            var p = try ExpressionParser(source, range: range, filters: registry.filters)
            let expression = try p.filtered()
            try p.expectEnd()
            reportUnknownFilters(p)
            return expression
        } catch {
            report(error, "in `{{ }}`")
            return nil
        }
    }

    private mutating func condition(_ tag: Tag) -> Condition {
        do throws(MarkupError) {
            var p = try ExpressionParser(source, range: tag.arguments)
            return try p.condition()
        } catch {
            report(error, "in `\(tag.name)` condition")
            return Condition(comparisons: [.init(left: .literal(.bool(false)))], conjunctions: [])
        }
    }

    // MARK: Diagnostics

    private func location(_ token: Token) -> SourceLocation { source.location(token.outer.lowerBound) }

    private mutating func report(_ severity: Diagnostic.Severity, _ token: Token, _ message: String) {
        diagnostics.append(Diagnostic(severity, at: location(token), message))
    }

    private mutating func report(_ error: MarkupError, _ context: String) {
        diagnostics.append(.error(at: source.location(error.offset), "\(error.message) \(context)"))
    }

    private mutating func reportUnknownFilters(_ parser: ExpressionParser) {
        for (name, offset) in parser.unknownFilters {
            diagnostics.append(.error(at: source.location(offset), "unknown filter `\(name)`\(Suggestion.hint(for: name, in: registry.filters))"))
        }
    }
}
