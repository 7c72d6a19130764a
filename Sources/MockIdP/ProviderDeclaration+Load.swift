import BoundedYAML
public import Diagnostics
import Yams

extension ProviderDeclaration {
    private static let keys = ["kind", "description", "host", "audiences", "client_id", "scopes", "token_lifetime", "exports",
                               "service_accounts"]

    /// Parses a providers file (a mapping of name → declaration); every problem is reported at its line and column.
    public static func load(yaml: String, path: String) throws(DiagnosticError) -> [ProviderDeclaration] {
        let root: Node?
        do {
            root = try BoundedYAML.compose(yaml)
        } catch let error as YAMLLimitError {
            throw DiagnosticError([.error(at: SourceLocation(file: path, line: error.line, column: error.column), error.message)])
        } catch let error as YamlError {
            throw DiagnosticError([YAMLDiagnostics.diagnostic(for: error, path: path)])
        } catch {
            throw DiagnosticError([.error(at: SourceLocation(file: path, line: 1), "\(error)")])
        }
        guard let root else { return [] }
        var reader = YAMLDiagnostics(path: path)
        guard let mapping = reader.mapping(root, "the providers file") else { throw reader.error }
        var declarations: [ProviderDeclaration] = []
        for (key, value) in mapping {
            guard let name = reader.string(key, "a provider name") else { continue }
            if let declaration = declaration(named: name, value, &reader) { declarations.append(declaration) }
        }
        if reader.diagnostics.hasErrors { throw reader.error }
        return declarations
    }

    private static func declaration(named name: String, _ node: Node, _ reader: inout YAMLDiagnostics) -> ProviderDeclaration? {
        guard let fields = reader.fields(node, of: "provider '\(name)'", allowed: keys) else { return nil }
        let errorsBefore = reader.diagnostics.count
        var kind = Kind.oauth2ClientCredentials
        if let node = reader.required(fields, "kind", node, of: name), let text = reader.string(node, "a provider kind") {
            if let known = Kind(rawValue: text) { kind = known } else {
                reader.fail(node, "unknown provider kind '\(text)'; known kinds: \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let audiences: [String]
        var serviceAccounts: [String] = []
        if kind == .kubernetesAPI {
            audiences = fields["audiences"].flatMap { reader.strings($0, "audiences") } ?? []
            serviceAccounts = reader.required(fields, "service_accounts", node, of: name).flatMap { reader.strings($0, "service accounts") } ?? []
            if let accountsNode = fields["service_accounts"], reader.diagnostics.count == errorsBefore,
               serviceAccounts.isEmpty || serviceAccounts.contains(where: { $0.split(separator: "/").count != 2 }) {
                reader.fail(accountsNode, "provider '\(name)' needs service_accounts as NAMESPACE/NAME, at least one")
            }
        } else {
            audiences = reader.required(fields, "audiences", node, of: name).flatMap { reader.strings($0, "audiences") } ?? []
            if let audienceNode = fields["audiences"], audiences.isEmpty, reader.diagnostics.count == errorsBefore {
                reader.fail(audienceNode, "provider '\(name)' needs at least one audience")
            }
        }
        for audience in audiences { reader.check(Template(text: audience), known: ["domain"], at: fields["audiences"]!) }
        var lifetime = Duration.seconds(86_400)
        if let node = fields["token_lifetime"] {
            if let seconds = node.int, seconds > 0 { lifetime = .seconds(seconds) } else {
                reader.fail(node, "token_lifetime must be a positive number of seconds")
            }
        }
        let exports = reader.required(fields, "exports", node, of: name).map { exportList($0, known: kind.exportVariables, &reader) } ?? []
        guard reader.diagnostics.count == errorsBefore else { return nil }
        var declaration = ProviderDeclaration(
            name: name, kind: kind, host: fields["host"].flatMap { reader.string($0, "a host name") } ?? "localhost",
            audiences: audiences, clientID: fields["client_id"].flatMap { reader.string($0, "a client id") },
            scopes: fields["scopes"].flatMap { reader.strings($0, "scopes") } ?? [],
            tokenLifetime: lifetime, exports: exports, location: reader.location(node))
        declaration.serviceAccounts = serviceAccounts
        return declaration
    }

    private static func exportList(_ node: Node, known: [String], _ reader: inout YAMLDiagnostics) -> [Export] {
        guard let mapping = reader.mapping(node, "exports") else { return [] }
        var exports: [Export] = []
        for (key, value) in mapping {
            guard let name = reader.string(key, "a variable name") else { continue }
            var export = Export(name: name, template: "")
            if let template = value.scalar?.string {
                export.template = template
            } else if let fields = reader.fields(value, of: "export '\(name)'", allowed: ["value", "secret"]) {
                export.template = reader.required(fields, "value", value, of: name).flatMap { reader.string($0, "a value") } ?? ""
                if let secret = fields["secret"] {
                    if let flag = secret.bool { export.secret = flag } else { reader.fail(secret, "secret must be true or false") }
                }
            }
            reader.check(Template(text: export.template), known: known, at: value)
            exports.append(export)
        }
        return exports
    }
}
