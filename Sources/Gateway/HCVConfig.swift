import Foundation

/// The effective config of one HashiCorp Vault backend: entity config, query overrides and defaults merged.
public struct HCVConfig: Sendable, Hashable {
    /// Every field with a value after merging (defaults included).
    public private(set) var values: [String: GatewayJSON]

    /// Merges `base` (entity config or `KONG_VAULT_HCV_*`) with reference `overrides` as Kong does:
    /// per known field, override wins; a value of the wrong type drops the field, so its default applies.
    public init(base: [String: GatewayJSON], overrides: [String: String] = [:], version: GatewayVersion) {
        var values: [String: GatewayJSON] = [:]
        for field in HCVSchema.fields(in: version) {
            var value: GatewayJSON?
            if let text = overrides[field.name] {
                value = HCVSchema.coerce(.string(text), to: field, inferFromString: true)
            } else if let raw = base[field.name], raw != .null {
                value = HCVSchema.coerce(raw, to: field, inferFromString: true)
            }
            if let s = value?.stringValue, let allowed = field.allowedValues(in: version), !allowed.contains(s) {
                value = nil
            }
            if let resolved = value ?? field.defaultValue { values[field.name] = resolved }
        }
        self.values = values
    }

    /// Kong's bundled-vault config from `KONG_VAULT_HCV_<FIELD>` variables.
    public static func environmentBase(_ environment: [String: String]) -> [String: GatewayJSON] {
        var base: [String: GatewayJSON] = [:]
        for field in HCVSchema.fields {
            if let text = environment["KONG_VAULT_HCV_" + field.name.uppercased()] { base[field.name] = .string(text) }
        }
        return base
    }

    /// The string value of `field`, nil when unset or empty.
    public func string(_ field: String) -> String? {
        guard let s = values[field]?.stringValue, !s.isEmpty else { return nil }
        return s
    }

    /// The numeric value of `field`.
    public func number(_ field: String) -> Double? {
        switch values[field] {
        case .int(let i)?: Double(i)
        case .double(let d)?: d
        default: nil
        }
    }

    /// The boolean value of `field` (false when unset).
    public func flag(_ field: String) -> Bool {
        values[field] == .bool(true)
    }

    var scheme: String { string("protocol") ?? "http" }
    var host: String { string("host") ?? "127.0.0.1" }
    var port: Int { number("port").map { Int($0) } ?? 8200 }
    var authMethod: String { string("auth_method") ?? "token" }
    var namespace: String? { string("namespace") }

    /// `scheme://host:port`.
    var baseURL: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(shownHost):\(port)"
    }

    /// A path setting with one leading and trailing `/` trimmed, as Kong does for auth paths and the mount.
    func trimmedPath(_ field: String, default fallback: String) -> String {
        var path = string(field) ?? fallback
        if path.hasPrefix("/") { path.removeFirst() }
        if path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
