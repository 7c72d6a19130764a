import Diagnostics
import Foundation
import Yams

/// `{% entity_examples %}`: entity YAML → the decK snippet Kong's docs render (Kong's `blocks/entity_examples.rb`).
struct EntityExamples {
    /// A `${name}` variable: the environment name (without `DECK_`) and whether it becomes a literal block.
    struct Variable {
        var value: String
        var literalBlock: Bool
    }

    /// The decK data (the `entities` mapping).
    var entities: Node
    /// `variables`: name → env variable.
    var variables: [String: Variable]
    /// `deck_flags`.
    var deckFlags: [String]

    /// Reads the block's YAML; throws located diagnostics.
    init(yaml: BlockYAML, tools: [String]) throws(DiagnosticError) {
        var reader = yaml.reader
        guard let pairs = reader.mapping(yaml.root, "entity_examples") else { throw DiagnosticError(reader.diagnostics) }
        var entities: Node?
        variables = [:]
        deckFlags = []
        var formats = tools
        for (key, keyNode, value) in pairs {
            switch key {
            case "entities":
                if reader.mapping(value, "entities") != nil { entities = value }
            case "variables":
                for (name, _, spec) in reader.mapping(value, "variables") ?? [] {
                    guard let fields = reader.mapping(spec, "variables.\(name)") else { continue }
                    var variable = Variable(value: name.uppercased(), literalBlock: false)
                    for (field, fieldNode, fieldValue) in fields {
                        switch field {
                        case "value":
                            if let v = reader.string(fieldValue, "variables.\(name).value") {
                                variable.value = v.hasPrefix("$") ? String(v.dropFirst()) : v
                            }
                        case "literal_block": variable.literalBlock = reader.bool(fieldValue, "variables.\(name).literal_block") ?? false
                        default: reader.warning(fieldNode, "unknown key `\(field)` in `variables.\(name)`; it is ignored")
                        }
                    }
                    variables[name] = variable
                }
            case "formats": formats = reader.strings(value, "formats")
            case "deck_flags": deckFlags = reader.strings(value, "deck_flags")
            default: reader.warning(keyNode, "unknown key `\(key)` in `entity_examples`; it is ignored")
            }
        }
        if let bad = formats.first(where: { $0 != "deck" }), !formats.isEmpty {
            reader.error(yaml.root, "entity_examples only supports the `deck` format, not `\(bad)`")
        }
        guard let entities else {
            reader.error(yaml.root, "entity_examples needs an `entities` mapping (for example `entities: {vaults: [...]}`)")
            throw DiagnosticError(reader.diagnostics)
        }
        if reader.diagnostics.hasErrors { throw DiagnosticError(reader.diagnostics) }
        self.entities = entities
    }

    /// The shell command: `echo '<decK YAML>' | deck gateway apply -`.
    var command: String {
        let flags = deckFlags.isEmpty ? "" : " " + deckFlags.joined(separator: " ")
        return "echo '\n_format_version: \"3.0\"\n\(Self.deckData(entities, variables: variables))' | deck gateway apply\(flags) -"
    }

    /// Psych dump, +2 indentation below the top level, requoted conditions, then `${x}` → decK env templating.
    static func deckData(_ node: Node, variables: [String: Variable]) -> String {
        deckLines(node).map { replaceVariables(requoteCondition($0), variables) }.joined(separator: "\n") + "\n"
    }

    /// Psych's dump with Kong's `HashToYAML` indentation: every line below the top level 2 spaces further in.
    static func deckLines(_ node: Node) -> [String] {
        PsychYAML.dump(node).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            line.first == " " || line.first == "-" ? "  " + line : String(line)
        }
    }

    /// `condition: '…'` → `condition: "…"` (Kong's `requote_conditions`).
    private static func requoteCondition(_ line: String) -> String {
        guard line.hasSuffix("'"), line.containsBytes("condition: '"), let colon = line.range(of: "condition: '"),
              line[..<colon.lowerBound].allSatisfy({ $0 == " " || $0 == "-" })
        else { return line }
        let quote = line.index(before: colon.upperBound)
        let inner = line[quote...].dropFirst().dropLast().replacingOccurrences(of: "''", with: "'")
        guard !inner.contains("\"") else { return line }
        return line[..<quote] + "\"" + inner + "\""
    }

    /// Replaces every `${name}` with `${{ env "DECK_NAME" }}`; a literal-block variable turns its line into `key: |-`.
    private static func replaceVariables(_ line: String, _ variables: [String: Variable]) -> String {
        guard line.containsBytes("${") else { return line }
        var out = ""
        var rest = Substring(line)
        var literal: String?
        while let open = rest.range(of: "${") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { out += rest[open.lowerBound...]; rest = ""; break }
            let name = String(rest[open.upperBound..<close])
            let isName = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            if isName {
                let variable = variables[name] ?? Variable(value: name.uppercased(), literalBlock: false)
                let env = "${{ env \"DECK_\(variable.value)\" }}"
                if variable.literalBlock { literal = env }
                out += env
            } else {
                out += rest[open.lowerBound...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        if let literal, let colon = line.range(of: ": ") {
            let indent = line.prefix { $0 == " " || $0 == "-" }.count
            return line[..<colon.lowerBound] + ": |-\n" + String(repeating: " ", count: indent + 2) + literal
        }
        return out
    }
}
