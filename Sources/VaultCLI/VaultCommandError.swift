/// Failures of the `vault` command before or around an API call.
enum VaultCommandError: Error, CustomStringConvertible {
    /// The HTTP client could not be set up (bad CA file and the like).
    case clientSetup(String)

    var description: String {
        switch self {
        case .clientSetup(let message): message
        }
    }
}
