public import Foundation

/// Resolves `{vault://...}` references against the emulated gateway's vaults with Kong's cache semantics.
///
/// Values are cached per reference and vault config: a value is reused until `ttl` has passed (unset or 0: forever)
/// and is refreshed at the next rotation tick (every `rotationInterval` seconds from the resolver's creation, as
/// Kong's rotation timer does); failures are cached for `max(neg_ttl, 120)` seconds; when a refresh fails, the old
/// value stays in use for `resurrect_ttl` seconds (default 1e8) past its expiry.
public actor SecretResolver {
    /// Seconds since the epoch; injectable so tests can move time.
    public typealias Clock = @Sendable () -> Double

    private struct Entry {
        var outcome: Result<String, StrategyError>
        var fetchedAt: Double
        var config: HCVConfig
    }

    private var state: GatewayState
    private let environment: [String: String]
    private let version: GatewayVersion
    private let timeout: Duration
    private let rotationInterval: Double
    private let now: Clock
    private let origin: Double
    private let log: @Sendable (String) -> Void
    private var cache: [String: Entry] = [:]
    private let tokens: VaultTokenCache

    /// Kong's minimum time a failed lookup stays cached.
    static let minimumNegativeTTL = 120.0
    /// Kong's `resurrect_ttl` when unset.
    static let defaultResurrectTTL = 1e8

    /// A resolver over `state`'s vaults, for Kong `version`, with `environment` for `KONG_VAULT_HCV_*`,
    /// `SSL_CERT_FILE` and `KONG_LUA_SSL_TRUSTED_CERTIFICATE`; `log` receives Kong's `[hcv]` error-log lines.
    public init(state: GatewayState, environment: [String: String],
                version: GatewayVersion = .defaultEmulated,
                timeout: Duration = .seconds(5),
                rotationInterval: Double = 60,
                now: @escaping Clock = { Date().timeIntervalSince1970 },
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.state = state
        self.environment = environment
        self.version = version
        self.timeout = timeout
        self.rotationInterval = rotationInterval
        self.now = now
        self.origin = now()
        self.tokens = VaultTokenCache(now: now)
        self.log = log
    }

    /// Replaces the vault entities (as after `deck gateway apply`); cached values of changed vaults are not reused.
    public func update(state: GatewayState) {
        self.state = state
    }

    /// The secret `reference` points at, or Kong's error.
    public func get(_ reference: String) async throws(VaultLookupError) -> String {
        let parsed = try VaultReference.parse(reference)
        let config = try effectiveConfig(for: parsed)
        let cacheKey = GatewayJSON.object(config.values).jsonText() + "|" + reference
        let time = now()
        let outcome: Result<String, StrategyError>
        if let entry = cache[cacheKey], isFresh(entry, at: time) {
            outcome = entry.outcome
        } else {
            let strategy = HCVStrategy(config: config, environment: environment, timeout: timeout, tokens: tokens, log: log)
            let fetched = await strategy.get(resource: parsed.resource, version: parsed.version)
            if case .failure = fetched, let old = cache[cacheKey], case .success = old.outcome,
               time < expiry(of: old) + (config.number("resurrect_ttl") ?? Self.defaultResurrectTTL) {
                outcome = old.outcome
            } else {
                cache[cacheKey] = Entry(outcome: fetched, fetchedAt: time, config: config)
                outcome = fetched
            }
        }
        switch outcome {
        case .failure(let error): throw .noValue(error.description)
        case .success(let raw):
            let value = try Self.subfield(parsed.key, of: raw)
            guard config.flag("base64_decode") else { return value }
            guard let data = Data(base64Encoded: value), let decoded = String(data: data, encoding: .utf8) else {
                throw .message("could not get value from external vault (unable to base64 decode value)")
            }
            return decoded
        }
    }

    private func effectiveConfig(for reference: VaultReference) throws(VaultLookupError) -> HCVConfig {
        if let entity = state.vault(prefix: reference.name) {
            let backend = entity["name"]?.stringValue ?? ""
            guard backend == "hcv" else {
                throw .message("vault \(backend) (\(reference.name)) is not emulated: only hcv vaults are supported")
            }
            return HCVConfig(base: entity["config"]?.objectValue ?? [:], overrides: reference.config, version: version)
        }
        guard reference.name == "hcv" else { throw .message("could not find vault (\(reference.name))") }
        return HCVConfig(base: HCVConfig.environmentBase(environment), overrides: reference.config, version: version)
    }

    /// When a positive entry stops being fresh: its `ttl` rounded up to the next rotation tick; never without `ttl`.
    private func expiry(of entry: Entry) -> Double {
        guard let ttl = entry.config.number("ttl"), ttl > 0 else { return .infinity }
        let due = entry.fetchedAt + ttl
        guard rotationInterval > 0 else { return due }
        return origin + (((due - origin) / rotationInterval).rounded(.up)) * rotationInterval
    }

    private func isFresh(_ entry: Entry, at time: Double) -> Bool {
        switch entry.outcome {
        case .success: time < expiry(of: entry)
        case .failure:
            time < entry.fetchedAt + max(entry.config.number("neg_ttl") ?? 0, Self.minimumNegativeTTL)
        }
    }

    /// Kong's subfield extraction from a JSON secret; no key returns the JSON text itself.
    static func subfield(_ key: String?, of raw: String) throws(VaultLookupError) -> String {
        guard let key else { return raw }
        guard case .object(let object)? = try? GatewayJSON.parse(Data(raw.utf8)) else {
            throw .subfield("unable to json decode value (\(raw))")
        }
        guard let value = object[key], value != .null else {
            throw .subfield("subfield \(key) not found in JSON secret")
        }
        guard let string = value.stringValue else {
            throw .subfield("unexpected \(value.luaTypeName) value in JSON secret for subfield \(key)")
        }
        return string
    }
}
