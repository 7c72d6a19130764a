import Diagnostics
import Yams

/// The YAML body of a Kong block (`entity_examples`, `validation`, ...), composed with file positions.
struct BlockYAML {
    /// The composed root.
    let root: Node
    /// A reader whose locations point into the how-to file.
    let reader: YAMLReader

    /// Composes `text`, which starts at `location`; throws the YAML error, located.
    init(_ text: String, at location: SourceLocation, block: String) throws(DiagnosticError) {
        var reader = YAMLReader(file: location.file, firstLine: location.line)
        let root = reader.compose(text)
        if reader.diagnostics.hasErrors { throw DiagnosticError(reader.diagnostics) }
        guard let root else {
            throw DiagnosticError([.error(at: location, "the `\(block)` block is empty: it needs YAML settings")])
        }
        self.root = root
        self.reader = reader
    }

    /// A mapping's entries by key, reporting a non-mapping root.
    func mapping(_ block: String) throws(DiagnosticError) -> (entries: [String: Node], reader: YAMLReader) {
        var reader = reader
        guard let pairs = reader.mapping(root, block) else { throw DiagnosticError(reader.diagnostics) }
        var entries: [String: Node] = [:]
        for pair in pairs { entries[pair.key] = pair.value }
        return (entries, reader)
    }
}
