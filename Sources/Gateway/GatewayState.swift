/// The emulated gateway's configuration: decK entities by kind (`vaults`, `services`, ...).
public struct GatewayState: Sendable, Equatable, Codable {
    /// Entities by decK kind, in the order they were applied.
    public var entities: [String: [GatewayJSON]]

    /// Creates a state.
    public init(entities: [String: [GatewayJSON]] = [:]) {
        self.entities = entities.filter { !$0.value.isEmpty }
    }

    /// The stored vault entities.
    public var vaults: [GatewayJSON] { entities["vaults"] ?? [] }

    /// The vault entity whose `prefix` is `prefix`.
    public func vault(prefix: String) -> GatewayJSON? {
        vaults.first { $0["prefix"]?.stringValue == prefix }
    }

    /// How decK names an entity in its `creating ...` lines and how apply matches it to a stored one.
    static func identity(of entity: GatewayJSON, kind: String) -> String {
        let keys = kind == "vaults" ? ["prefix", "id"] : ["id", "name", "username", "custom_id", "key", "target"]
        for key in keys {
            if let value = entity[key]?.stringValue { return value }
        }
        return entity.jsonText()
    }

    /// decK's singular noun for a kind (`vaults` → `vault`).
    static func noun(for kind: String) -> String {
        kind.hasSuffix("s") ? String(kind.dropLast()) : kind
    }
}
