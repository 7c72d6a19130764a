import Diagnostics
import Foundation
import Liquid
import Markdown
import Yams

/// `{% env_variables %}` (Kong's `blocks/env_variables.rb`): an `export` step.
enum EnvVariablesBlock: KongBlock {
    static let name = "env_variables"

    /// `{% env_variables %}` YAML `NAME: value` → an `export` block (a shell step).
    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String {
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
}
