/// `{{ name }}` substitution for provider declarations and audiences. Unknown names are errors, never blanks.
struct Template: Sendable {
    let text: String

    /// The variable names used, in order of appearance.
    var variables: [String] { matches.map(\.name) }

    /// The text with every `{{ name }}` replaced by `values[name]`.
    func render(_ values: [String: String]) throws(MockIdPError) -> String {
        var result = ""
        var rest = text[...]
        for match in matches {
            guard let value = values[match.name] else {
                throw .unknownVariable(match.name, template: text, known: values.keys.sorted())
            }
            result += rest[..<match.range.lowerBound] + value
            rest = rest[match.range.upperBound...]
        }
        return result + rest
    }

    /// An audience with `{{ domain }}` replaced; audiences are validated against `["domain"]` before a provider starts.
    static func audience(_ text: String, domain: String) -> String {
        (try? Template(text: text).render(["domain": domain])) ?? text
    }

    /// Checks that every variable is one of `known`.
    func validate(known: [String]) throws(MockIdPError) {
        if let unknown = variables.first(where: { !known.contains($0) }) {
            throw .unknownVariable(unknown, template: text, known: known.sorted())
        }
    }

    private var matches: [(name: String, range: Range<String.Index>)] {
        text.matches(of: /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/).map { (String($0.output.1), $0.range) }
    }
}
