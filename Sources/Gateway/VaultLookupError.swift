/// Why a secret reference could not be resolved, worded as Kong's `kong vault get` prints it after `Error: `.
public enum VaultLookupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A message shown as is (reference parse errors, unknown vaults).
    case message(String)
    /// The backend failed: `could not get value from external vault (no value found (<reason>))`.
    case noValue(String)
    /// The secret has no usable subfield: `could not get value from external vault (could not get subfield value: <reason>)`.
    case subfield(String)

    public var description: String {
        switch self {
        case .message(let text): text
        case .noValue(let reason): "could not get value from external vault (no value found (\(reason)))"
        case .subfield(let reason): "could not get value from external vault (could not get subfield value: \(reason))"
        }
    }
}
