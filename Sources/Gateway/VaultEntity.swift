import Foundation

/// Kong's schema for the `vaults` entity: name, prefix and, for `hcv`, the config table.
public enum VaultEntity {
    /// The vault backends Kong ships (valid `name` values, reserved as prefixes).
    public static let backendNames = ["env", "aws", "gcp", "hcv", "azure", "konnect", "conjur"]

    private static let topLevelFields: Set<String> = [
        "id", "name", "prefix", "description", "config", "tags", "created_at", "updated_at",
    ]

    /// Schema violations of one vault entity for Kong `version`, as `(field path, message)` sorted by path.
    public static func violations(of entity: GatewayJSON, version: GatewayVersion) -> [(String, String)] {
        guard let fields = entity.objectValue else { return [("@entity", "expected a record")] }
        var result: [(String, String)] = []
        for key in fields.keys.sorted() where !topLevelFields.contains(key) {
            result.append((key, "unknown field"))
        }
        switch fields["name"] {
        case nil, .null?: result.append(("name", "required field missing"))
        case .string(let name)?:
            if !backendNames.contains(name) { result.append(("name", "vault '\(name)' is not installed")) }
        default: result.append(("name", "expected a string"))
        }
        switch fields["prefix"] {
        case nil, .null?: result.append(("prefix", "required field missing"))
        case .string(let prefix)?:
            if prefix.range(of: #"^[a-z][a-z0-9-]*[a-z0-9]+$"#, options: .regularExpression) == nil {
                result.append(("prefix", "invalid value: \(prefix)"))
            } else if backendNames.contains(prefix) {
                result.append(("prefix", "must not be one of: " + backendNames.joined(separator: ", ")))
            }
        default: result.append(("prefix", "expected a string"))
        }
        if let description = fields["description"], description != .null, description.stringValue == nil {
            result.append(("description", "expected a string"))
        }
        switch fields["config"] {
        case nil, .null?: break
        case .object(let config)?:
            if fields["name"]?.stringValue == "hcv" {
                result += HCVSchema.violations(in: config, version: version)
            }
        default: result.append(("config", "expected a record"))
        }
        return result.sorted { $0.0 < $1.0 }
    }

    /// Kong's Admin API message for a list of violations: `schema violation (f: m)` or `N schema violations (f: m; ...)`.
    public static func schemaViolationMessage(_ violations: [(String, String)]) -> String {
        let parts = violations.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
        return violations.count == 1 ? "schema violation (\(parts))" : "\(violations.count) schema violations (\(parts))"
    }
}
