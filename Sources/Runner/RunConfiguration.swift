public import HowToPlan

/// Which Vault the tutorial's `vault` commands talk to.
public enum VaultMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// The embedded mock: `vault` is the howto binary.
    case mock
    /// A real server: `vault` is the real `vault` or OpenBao's `bao`, or an external `$VAULT_ADDR`.
    case live
}

/// A value a provider supplies to a `provider=NAME` step.
public struct ProvidedValue: Sendable, Hashable {
    public var name: String
    public var value: String
    /// Masked everywhere when true.
    public var secret: Bool

    /// Creates a provided value.
    public init(name: String, value: String, secret: Bool) {
        self.name = name
        self.value = value
        self.secret = secret
    }
}

/// A running provider (e.g. the embedded OAuth2 IdP standing in for Auth0).
public protocol ProviderInstance: Sendable {
    /// Values exported to the session instead of the reader's placeholders.
    var exports: [ProvidedValue] { get }
    /// Variables every process of the run sees (e.g. `SSL_CERT_FILE` trusting the run's CA).
    var environment: [String: String] { get }
    /// Stops it.
    func stop() async
}

/// Starts a provider for a run whose private directory is given.
public typealias ProviderStarter = @Sendable (_ runDirectory: String) async throws -> any ProviderInstance

/// How to run how-tos.
public struct RunConfiguration: Sendable {
    /// Mock or live Vault.
    public var vaultMode: VaultMode = .mock
    /// The howto executable (linked as `vault`, `deck`, `kong` on the run's PATH).
    public var toolBinary: String
    /// The real Vault CLI in live mode (`vault` or `bao`); nil means look on PATH, then in `.venv/bin`.
    public var liveVaultBinary: String?
    /// A step's timeout unless it sets `timeout=`.
    public var defaultTimeout: Duration = .seconds(120)
    /// How long a background step may take to become ready unless it sets `timeout=`.
    public var readinessTimeout: Duration = .seconds(30)
    /// The whole run's budget; exceeding it stops the run (exit 4).
    public var budget: Duration?
    /// The emulated gateway version (`min_version` gate and decK field checks).
    public var gatewayVersion: String = "3.13"
    /// Providers by name (`provider=NAME`) for every how-to; empty means steps keep the reader's values.
    public var providers: [String: ProviderStarter] = [:]
    /// Providers by how-to file (its content root's), used instead of `providers` for that how-to.
    public var providersByFile: [String: [String: ProviderStarter]] = [:]

    /// The providers a run of `plan` can start.
    public func providers(for plan: Plan) -> [String: ProviderStarter] { providersByFile[plan.file] ?? providers }
    /// The environment the session starts from.
    public var environment: [String: String]
    /// Where runs put their private directories (a fresh one per how-to).
    public var workRoot: String
    /// Keep the run directory afterwards (it is removed on success otherwise).
    public var keepWorkDirectory = false

    /// The real Vault CLI a live run would use (`vault` or `bao` on PATH, else `.venv/bin/bao`); nil when there is none.
    public static func realVault(environment: [String: String]) -> String? {
        ToolDirectory.findLiveVault(environment: environment)
    }

    /// Creates a configuration.
    public init(toolBinary: String, environment: [String: String], workRoot: String) {
        self.toolBinary = toolBinary
        self.environment = environment
        self.workRoot = workRoot
    }
}
