import Diagnostics
import Yams

/// Reads typed values out of a composed YAML tree, collecting located diagnostics instead of stopping.
struct YAMLDiagnostics {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String) { self.path = path }

    var error: DiagnosticError { DiagnosticError(diagnostics) }

    static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            .error(at: SourceLocation(file: path, line: mark.line, column: mark.column), problem)
        default:
            .error(at: SourceLocation(file: path, line: 1), "\(error)")
        }
    }

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    mutating func fail(_ node: Node, _ message: String) {
        diagnostics.append(.error(at: location(node), message))
    }

    mutating func mapping(_ node: Node, _ what: String) -> Node.Mapping? {
        guard let mapping = node.mapping else { fail(node, "\(what) must be a mapping"); return nil }
        return mapping
    }

    mutating func string(_ node: Node, _ what: String) -> String? {
        guard let scalar = node.scalar else { fail(node, "expected \(what) (a string)"); return nil }
        return scalar.string
    }

    mutating func strings(_ node: Node, _ what: String) -> [String]? {
        guard let sequence = node.sequence else { fail(node, "\(what) must be a list of strings"); return nil }
        return sequence.compactMap { string($0, "an item of \(what)") }
    }

    /// The mapping's entries by key, reporting keys not in `allowed`.
    mutating func fields(_ node: Node, of what: String, allowed: [String]) -> [String: Node]? {
        guard let mapping = mapping(node, what) else { return nil }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = string(key, "a key") else { continue }
            if allowed.contains(name) { fields[name] = value } else {
                fail(key, "unknown key '\(name)' in \(what); known keys: \(allowed.joined(separator: ", "))")
            }
        }
        return fields
    }

    mutating func required(_ fields: [String: Node], _ key: String, _ parent: Node, of name: String) -> Node? {
        guard let node = fields[key] else { fail(parent, "'\(name)' is missing the required key '\(key)'"); return nil }
        return node
    }

    mutating func check(_ template: Template, known: [String], at node: Node) {
        do { try template.validate(known: known) } catch { fail(node, error.description) }
    }
}
