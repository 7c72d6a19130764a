import Foundation
import Runner

/// An `export NAME='YOUR VALUE'` line whose value the reader must supply.
public struct PlaceholderExport: Sendable, Hashable {
    /// The variable, e.g. `DECK_CLIENT_SECRET`.
    public var name: String
    /// The placeholder text, e.g. `YOUR AUTH0 CLIENT SECRET`.
    public var placeholder: String
    /// Whether the value is a secret (read without echo, masked everywhere).
    public var secret: Bool

    /// The placeholders in `script`, in order: values that start with `YOUR` or are wrapped in `<...>`.
    public static func find(in script: String) -> [PlaceholderExport] {
        script.split(separator: "\n").compactMap { parse(String($0)) }.map { $0.0 }
    }

    /// `script` with each placeholder export's value replaced by the answer given for its name.
    public static func fill(_ script: String, with answers: [String: String]) -> String {
        var lines: [String] = []
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            if let (export, indent) = parse(String(line)), let value = answers[export.name] {
                lines.append("\(indent)export \(export.name)=\(SessionScript.quote(value))")
            } else {
                lines.append(String(line))
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func parse(_ line: String) -> (PlaceholderExport, String)? {
        let indent = String(line.prefix { $0 == " " || $0 == "\t" })
        let rest = line.dropFirst(indent.count)
        guard rest.hasPrefix("export ") else { return nil }
        let assignment = rest.dropFirst(7).trimmingCharacters(in: .whitespaces)
        guard let equals = assignment.firstIndex(of: "=") else { return nil }
        let name = String(assignment[..<equals])
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        var value = String(assignment[assignment.index(after: equals)...])
        if let quote = value.first, quote == "'" || quote == "\"", value.count >= 2, value.last == quote {
            value = String(value.dropFirst().dropLast())
        }
        let isPlaceholder = value.hasPrefix("YOUR") || (value.hasPrefix("<") && value.hasSuffix(">") && value.count > 2)
        guard isPlaceholder else { return nil }
        return (PlaceholderExport(name: name, placeholder: value, secret: SecretMasker.isSecretName(name)), indent)
    }
}
