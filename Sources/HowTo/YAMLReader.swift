import BoundedYAML
import Diagnostics
import Yams

/// Reads typed values out of a composed YAML tree, collecting located diagnostics instead of throwing.
struct YAMLReader {
    /// The file the YAML came from.
    let file: String
    /// The file line of the YAML's first line.
    let firstLine: Int
    /// Everything found so far.
    var diagnostics: [Diagnostic] = []

    init(file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
    }

    /// No implicit typing in Yams (its rules are regular expressions run on each plain scalar): `kind(_:)`
    /// types plain scalars with `ScalarTyping`, YAML 1.1 without timestamps, merge keys and `=`.
    static let resolver = Resolver.basic

    /// Composes `yaml` within `BoundedYAML`'s limits, turning Yams and limit errors into a located diagnostic.
    ///
    /// A key repeated in a block mapping is a warning and the last one wins, as in Jekyll (Psych): the earlier
    /// entries are blanked out (lines keep their numbers) and the text is composed again.
    mutating func compose(_ yaml: String) -> Node? {
        var text = yaml
        // Each round blanks one repeated key, so there are fewer rounds than lines.
        for _ in 0...yaml.utf8.count(where: { $0 == UInt8(ascii: "\n") }) {
            do {
                return try BoundedYAML.compose(text, resolver: Self.resolver)
            } catch let error as YAMLLimitError {
                diagnostics.append(.error(at: SourceLocation(file: file, line: error.line + firstLine - 1, column: error.column), error.message))
                return nil
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                guard let kept = dropEarlierDuplicates(of: duplicates, from: context.mark, in: text) else {
                    diagnostics.append(.error(at: location(context.mark), "invalid YAML: duplicate key \(duplicates.map { "`\($0)`" }.joined(separator: ", ")) in a mapping"))
                    return nil
                }
                text = kept
            } catch let error as YamlError {
                diagnostics.append(diagnostic(for: error))
                return nil
            } catch {
                diagnostics.append(.error(at: SourceLocation(file: file, line: firstLine), "cannot read the YAML: \(error)"))
                return nil
            }
        }
        diagnostics.append(.error(at: SourceLocation(file: file, line: firstLine), "invalid YAML: too many repeated keys"))
        return nil
    }

    /// A located diagnostic for a Yams error.
    func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let where_ = context.map { " (\($0.text) at line \($0.mark.line + firstLine - 1))" } ?? ""
            return .error(at: location(mark), "invalid YAML: \(problem)\(where_)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(at: location(context.mark), "invalid YAML: duplicate key \(duplicates.map { "`\($0)`" }.joined(separator: ", ")) in a mapping")
        case let .reader(problem, _, _, _):
            return .error(at: SourceLocation(file: file, line: firstLine), "invalid YAML: \(problem)")
        default:
            return .error(at: SourceLocation(file: file, line: firstLine), "invalid YAML: \(error)")
        }
    }

    /// Blanks out every entry but the last of the first repeated key (Yams reports the sorted first one, at its
    /// first occurrence `mark`) in its block mapping, warning with both lines; nil when the entries are not on lines
    /// of their own (a flow mapping). The caller composes again for the next repeated key.
    private mutating func dropEarlierDuplicates(of keys: [String], from mark: Mark, in yaml: String) -> String? {
        guard let key = keys.first else { return nil }
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var occurrences: [Int] = []
        let start = mark.line - 1
        for i in start..<lines.count {
            let line = lines[i]
            let spaces = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(spaces)
            // A line left of the mapping (or a new `- ` item) ends it.
            if i > start, !rest.isEmpty, !rest.hasPrefix("#"), spaces + 1 < mark.column { break }
            let keyColumn = i == start ? line.prefix { $0 == " " || $0 == "-" }.count + 1 : spaces + 1
            if keyColumn == mark.column, line.dropFirst(keyColumn - 1).hasPrefix(key + ":") { occurrences.append(i) }
        }
        guard let last = occurrences.last, occurrences.count > 1 else { return nil }
        for first in occurrences.dropLast() {
            diagnostics.append(.warning(
                at: SourceLocation(file: file, line: last + firstLine, column: mark.column),
                "duplicate key `\(key)` (also on line \(first + firstLine)); the last one wins, as in Jekyll, so line \(first + firstLine)'s value is ignored"))
            lines[first] = String(lines[first].prefix(mark.column - 1))
            var next = first + 1
            while next < lines.count, Self.continues(lines[next], keyColumn: mark.column) {
                lines[next] = ""
                next += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Whether `line` belongs to the value of a key at `keyColumn`: deeper, blank, a comment, or a `- ` item at
    /// the key's own indentation (YAML lets a block sequence sit there).
    private static func continues(_ line: String, keyColumn: Int) -> Bool {
        let spaces = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(spaces)
        return spaces >= keyColumn || rest.isEmpty || rest.hasPrefix("#")
            || (spaces == keyColumn - 1 && (rest == "-" || rest.hasPrefix("- ")))
    }

    /// The file location of a Yams mark.
    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: firstLine) }
        return SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
    }

    /// The file location of a node.
    func location(_ node: Node) -> SourceLocation { location(node.mark) }

    /// The file line where a scalar's text starts (block scalars start on the next line).
    func contentLocation(_ node: Node) -> SourceLocation {
        var loc = location(node)
        if let scalar = node.scalar, scalar.style == .literal || scalar.style == .folded {
            loc = SourceLocation(file: file, line: loc.line + 1, column: 1)
        }
        return loc
    }

    mutating func error(_ node: Node, _ message: String) { diagnostics.append(.error(at: location(node), message)) }
    mutating func warning(_ node: Node, _ message: String) { diagnostics.append(.warning(at: location(node), message)) }

    /// How a node's type reads in a message: "a number", "a list", ...
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case let .scalar(scalar):
            switch Self.kind(node) {
            case .int: return "a number (\(scalar.string))"
            case .float: return "a number (\(scalar.string))"
            case .bool: return "true/false (\(scalar.string))"
            case .null: return "empty (null)"
            default: return "text"
            }
        }
    }

    /// The resolved tag of a node (`str`, `int`, `float`, `bool`, `null`, ...).
    static func kind(_ node: Node) -> Tag.Name {
        // A plain scalar's tag stays implicit until something resolves it; only Yams' key hashing does, and
        // keys are read as text anyway.
        if case let .scalar(scalar) = node, scalar.tag.rawValue == Tag.Name.implicit.rawValue {
            return ScalarTyping.tag(of: scalar.string)
        }
        return Tag.Name(rawValue: node.tag.rawValue)
    }

    /// Whether the node is an explicit or implicit null.
    static func isNull(_ node: Node) -> Bool {
        node.scalar != nil && Self.kind(node) == .null
    }

    /// A string scalar; reports any other type.
    mutating func string(_ node: Node, _ path: String) -> String? {
        if let scalar = node.scalar, Self.kind(node) == .str { return scalar.string }
        error(node, "`\(path)` must be text, not \(Self.describe(node))")
        return nil
    }

    /// A string for fields where Kong also accepts plain scalars (numbers, booleans) as text.
    mutating func lenientString(_ node: Node, _ path: String) -> String? {
        if let scalar = node.scalar, !Self.isNull(node) { return scalar.string }
        error(node, "`\(path)` must be text, not \(Self.describe(node))")
        return nil
    }

    /// A boolean; reports any other type.
    mutating func bool(_ node: Node, _ path: String) -> Bool? {
        if node.scalar != nil, Self.kind(node) == .bool, let value = node.bool { return value }
        error(node, "`\(path)` must be true or false, not \(Self.describe(node))")
        return nil
    }

    /// An integer; reports any other type.
    mutating func int(_ node: Node, _ path: String) -> Int? {
        if node.scalar != nil, Self.kind(node) == .int, let value = node.int { return value }
        error(node, "`\(path)` must be a whole number, not \(Self.describe(node))")
        return nil
    }

    /// A list of strings (null reads as empty).
    mutating func strings(_ node: Node, _ path: String) -> [String] {
        if Self.isNull(node) { return [] }
        guard let sequence = node.sequence else {
            error(node, "`\(path)` must be a list of text values, not \(Self.describe(node))")
            return []
        }
        return sequence.enumerated().compactMap { i, item in string(item, "\(path)[\(i)]") }
    }

    /// The pairs of a mapping with string keys; reports other types.
    mutating func mapping(_ node: Node, _ path: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard let mapping = node.mapping else {
            error(node, "`\(path)` must be a mapping (key: value lines), not \(Self.describe(node))")
            return nil
        }
        return mapping.map { (key: $0.key.scalar?.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    /// The items of a list; reports other types (null reads as empty).
    mutating func sequence(_ node: Node, _ path: String) -> [Node] {
        if Self.isNull(node) { return [] }
        guard let sequence = node.sequence else {
            error(node, "`\(path)` must be a list, not \(Self.describe(node))")
            return []
        }
        return Array(sequence)
    }
}
