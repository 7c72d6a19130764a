/// One field of the HashiCorp Vault backend's `config`: type, default, allowed values and first Kong version.
public struct HCVField: Sendable, Hashable {
    /// The value types Kong's schema knows.
    public enum Kind: Sendable, Hashable {
        case string, integer, number, boolean
    }

    /// The field name under `config`.
    public var name: String
    /// The schema type.
    public var kind: Kind
    /// The default applied when the field is unset.
    public var defaultValue: GatewayJSON?
    /// Allowed values with the version each became valid, for enumerations.
    public var allowed: [(value: String, since: GatewayVersion)]?
    /// Inclusive numeric bounds.
    public var range: ClosedRange<Double>?
    /// The first Kong version that knows the field (nil: every 3.x version).
    public var since: GatewayVersion?

    init(_ name: String, _ kind: Kind, default defaultValue: GatewayJSON? = nil,
         allowed: [(value: String, since: GatewayVersion)]? = nil,
         range: ClosedRange<Double>? = nil, since: GatewayVersion? = nil) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.allowed = allowed
        self.range = range
        self.since = since
    }

    /// The allowed values in `version`, nil when the field is not an enumeration.
    public func allowedValues(in version: GatewayVersion) -> [String]? {
        allowed?.filter { $0.since <= version }.map(\.value)
    }

    public static func == (lhs: HCVField, rhs: HCVField) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
