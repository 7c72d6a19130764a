internal import CYaml

/// Walks libyaml's event stream once, counting what every anchor stands for, so that the nodes aliases
/// bring in and the nesting they reach are known in time linear in the text, before anything expands.
struct YAMLEventScan {
    let limits: YAMLLimits

    /// An open sequence or mapping.
    private struct Frame {
        var anchor: String?
        /// Nodes in it so far (itself included), aliases expanded.
        var nodes: Int
        /// Levels below it so far (0 for an empty collection), aliases expanded.
        var depthBelow: Int
    }

    /// What an anchor stands for: its node count and its own depth (1 for a scalar).
    private struct Anchored {
        var nodes: Int
        var depth: Int
    }

    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var aliased = 0

    init(limits: YAMLLimits) { self.limits = limits }

    /// Scans every document in `yaml`; stops quietly at a syntax error (the composer reports it).
    mutating func run(_ yaml: String) throws(YAMLLimitError) {
        var text = yaml
        // `withUTF8` rethrows untyped errors: the limit error is carried out of the closure instead.
        let refusal = text.withUTF8 { buffer -> YAMLLimitError? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                do throws(YAMLLimitError) { try handle(event) } catch { return error }
            }
            return nil
        }
        if let refusal { throw refusal }
    }

    private mutating func handle(_ event: yaml_event_t) throws(YAMLLimitError) {
        let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
        switch event.type {
        case YAML_SCALAR_EVENT:
            add(nodes: 1, depth: 1)
            if let anchor = Self.text(event.data.scalar.anchor) { anchors[anchor] = Anchored(nodes: 1, depth: 1) }
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let anchor = Self.text(event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor)
            stack.append(Frame(anchor: anchor, nodes: 1, depthBelow: 0))
            if stack.count > limits.maxDepth { throw YAMLLimitError(.tooDeep(limit: limits.maxDepth), line: line, column: column) }
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            let depth = frame.depthBelow + 1
            if let anchor = frame.anchor { anchors[anchor] = Anchored(nodes: frame.nodes, depth: depth) }
            add(nodes: frame.nodes, depth: depth)
        case YAML_ALIAS_EVENT:
            // An undefined alias (or one inside its own anchor) is the composer's error to report.
            guard let name = Self.text(event.data.alias.anchor), let target = anchors[name] else { return }
            aliased += target.nodes
            if aliased > limits.maxAliasedNodes {
                throw YAMLLimitError(.aliasExpansion(limit: limits.maxAliasedNodes), line: line, column: column)
            }
            if stack.count + target.depth > limits.maxDepth {
                throw YAMLLimitError(.tooDeep(limit: limits.maxDepth), line: line, column: column)
            }
            add(nodes: target.nodes, depth: target.depth)
        default:
            break
        }
    }

    /// Counts a finished node into the collection that holds it.
    private mutating func add(nodes: Int, depth: Int) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].nodes += nodes
        stack[stack.count - 1].depthBelow = max(stack[stack.count - 1].depthBelow, depth)
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
