import Diagnostics
import Foundation
import HowToPlan
import Yams

/// `{% validation TYPE %}` YAML `{% endvalidation %}`: the assertion and the shell snippet shown to readers.
struct ValidationBlock {
    /// The assertion the runner checks.
    var validation: Validation
    /// The command shown on the page and run by the runner.
    var script: String

    /// The validation types this site renders.
    static let types = ["vault-secret", "custom-command", "request-check", "env-variables"] + NotEmulatedCheck.needs.keys.sorted()
    /// Where relative request-check URLs go for the on-prem topology (Kong's `url_origin`).
    static let onPremOrigin = "http://localhost:8000"

    /// A check's on-prem URL as Kong's validations build it: `File.join(on_prem_url || proxy origin, url)`, so
    /// `on_prem_url: $PROXY_IP` with `url: /api` is `$PROXY_IP/api`; a full `url` without a base stands alone.
    static func onPremURL(base: String?, path: String?) -> String {
        guard let path, !path.isEmpty else { return base ?? onPremOrigin }
        if base == nil, !path.hasPrefix("/") { return path }
        let origin = base ?? onPremOrigin
        return String(origin.reversed().drop { $0 == "/" }.reversed()) + "/" + path.drop { $0 == "/" }
    }

    /// A check a block other than `validation` plans (an Admin API request of `entity_example`).
    init(validation: Validation, script: String) {
        self.validation = validation
        self.script = script
    }

    /// Reads the block; throws located diagnostics for an unknown type or bad settings.
    init(type: String, yaml: BlockYAML, location: SourceLocation) throws(DiagnosticError) {
        let (entries, reader) = try yaml.mapping("validation \(type)")
        var r = reader
        func required(_ key: String) -> Node? {
            if let node = entries[key] { return node }
            r.diagnostics.append(.error(at: r.location(yaml.root), "the `\(type)` validation needs `\(key)`"))
            return nil
        }
        switch type {
        case "vault-secret":
            let secret = required("secret").flatMap { r.lenientString($0, "secret") }
            let value = required("value").flatMap { r.lenientString($0, "value") }
            let command = entries["command"].flatMap { r.string($0, "command") }
            if let secret, !(secret.hasPrefix("{vault://") && secret.hasSuffix("}")) {
                r.error(entries["secret"]!, "`secret` must be a reference such as '{vault://prefix/path/key}', not `\(secret)`")
            }
            guard let secret, let value, !r.diagnostics.hasErrors else { throw DiagnosticError(r.diagnostics) }
            validation = .vaultSecret(secret: secret, value: value)
            script = (command.map { $0 + " " } ?? "") + "kong vault get \(secret)"
        case "custom-command":
            let command = required("command").flatMap { r.string($0, "command") }
            var exitCode = 0
            var output: String?
            if let expected = entries["expected"], let fields = r.mapping(expected, "expected") {
                for (key, _, value) in fields {
                    switch key {
                    case "return_code": exitCode = r.int(value, "expected.return_code") ?? 0
                    case "message", "stdout": output = r.lenientString(value, "expected.\(key)")
                    default: break
                    }
                }
            }
            guard let command, !r.diagnostics.hasErrors else { throw DiagnosticError(r.diagnostics) }
            validation = .customCommand(command: command.trimmingCharacters(in: .newlines), expectedExitCode: exitCode, expectedOutput: output)
            script = command.trimmingCharacters(in: .newlines)
        case "request-check":
            let check = try Self.requestCheck(entries, root: yaml.root, reader: &r)
            validation = .requestCheck(check)
            script = Self.curl(check, showHeaders: entries["display_headers"].flatMap { $0.bool } ?? false)
        case "env-variables":
            let names = r.strings(entries["variables"] ?? yaml.root, "variables")
            if names.isEmpty { r.error(yaml.root, "the `env-variables` validation needs `variables: [NAME, ...]`") }
            guard !r.diagnostics.hasErrors else { throw DiagnosticError(r.diagnostics) }
            validation = .envVariables(names)
            script = names.map { ": \"${\($0):?\($0) is not set}\"" }.joined(separator: "\n")
        case _ where NotEmulatedCheck.needs[type] != nil:
            let check = try NotEmulatedCheck(type: type, entries: entries, root: yaml.root, reader: &r)
            validation = .notEmulated(type: type, needs: NotEmulatedCheck.needs[type]!, settings: check.settings)
            script = check.script
        default:
            throw DiagnosticError([.error(at: location, "unknown validation type `\(type)`\(Suggestion.hint(for: type, in: Self.types)): use one of \(Self.types.joined(separator: ", "))")])
        }
    }

    private static func requestCheck(_ entries: [String: Node], root: Node, reader r: inout YAMLReader) throws(DiagnosticError) -> RequestCheck {
        let path = entries["url"].flatMap { r.string($0, "url") }
        let base = entries["on_prem_url"].flatMap { r.string($0, "on_prem_url") }
        guard path != nil || base != nil else {
            r.diagnostics.append(.error(at: r.location(root), "the `request-check` validation needs `url`"))
            throw DiagnosticError(r.diagnostics)
        }
        var check = RequestCheck(url: onPremURL(base: base, path: path))
        if let method = entries["method"].flatMap({ r.string($0, "method") }) { check.method = method.uppercased() }
        if let headers = entries["headers"] { check.headers = r.strings(headers, "headers") }
        if let status = entries["status_code"].flatMap({ r.int($0, "status_code") }) { check.status = status }
        if let message = entries["message"].flatMap({ r.lenientString($0, "message") }) { check.bodyContains = message }
        if let body = entries["body"] {
            if let scalar = body.scalar, YAMLReader.kind(body) == .str {
                check.body = scalar.string
            } else if body.mapping != nil || body.sequence != nil, let object = body.jsonObject, JSONSerialization.isValidJSONObject(object),
                      // JSONSerialization traps (not throws) on anything else: a null or a number body crashed `check`.
                      let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) {
                check.body = String(decoding: data, as: UTF8.self)
            } else {
                r.error(body, "`body` must be a mapping, a list or text")
            }
        }
        if let extract = entries["extract_body"] {
            if extract.mapping != nil {
                for (name, _, path) in r.mapping(extract, "extract_body") ?? [] { check.extract[name] = r.lenientString(path, "extract_body.\(name)") }
            } else {
                for (i, item) in r.sequence(extract, "extract_body").enumerated() {
                    let fields = r.mapping(item, "extract_body[\(i)]") ?? []
                    func field(_ key: String) -> String? {
                        fields.first { $0.key == key }.flatMap { r.lenientString($0.value, "extract_body[\(i)].\(key)") }
                    }
                    // Kong's harness (tools/automated-tests) reads `name` as the response field and `variable` as
                    // the variable; our own form is `name` (the variable) and `path` or `jq`.
                    let kong = field("variable")
                    let name = kong ?? field("name")
                    let path = kong != nil ? field("name") : (field("path") ?? field("jq"))
                    if let name, let path { check.extract[name] = path } else { r.error(item, "`extract_body[\(i)]` needs `name` and `variable` (Kong's form) or `name` and `path`") }
                }
            }
        }
        if r.diagnostics.hasErrors { throw DiagnosticError(r.diagnostics) }
        return check
    }

    /// The curl command Kong renders for a request check.
    private static func curl(_ check: RequestCheck, showHeaders: Bool) -> String {
        var parts = ["curl"]
        if showHeaders { parts.append("-i") }
        if check.method != "GET" { parts.append("-X \(check.method)") }
        parts.append("\"\(check.url)\"")
        parts.append("--no-progress-meter --fail-with-body")
        for header in check.headers { parts.append("-H \"\(header)\"") }
        if let body = check.body { parts.append("--json '\(body)'") }
        return parts.joined(separator: " ")
    }
}
