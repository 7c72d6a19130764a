/// Per-step settings written in the info string (```` ```sh { timeout=30s } ````) or an IAL.
public struct StepAttributes: Sendable, Hashable, Codable {
    /// Run in the background (own process group), stopped at the end of the run.
    public var background: Bool
    /// How to tell a background step is ready.
    public var ready: ReadinessProbe?
    /// Per-step timeout in milliseconds; nil means the runner's default.
    public var timeoutMilliseconds: Int?
    /// Extra attempts after the first failure (`retry=N`).
    public var retry: Int
    /// Milliseconds between attempts and between readiness polls.
    public var intervalMilliseconds: Int
    /// The exit code that counts as success (`exit=N`), 0 by default.
    public var expectedExitCode: Int
    /// Text the output must contain (`expect="..."`).
    public var expectedOutput: String?
    /// In tests, this step's exported values come from the named provider (`provider=auth0`).
    public var provider: String?
    /// Purely informational (`informational=true`): nothing later depends on it.
    public var informational: Bool
    /// The first failing command fails the step (`set -e -o pipefail`); `errexit=false` opts out, for a
    /// step that shows a command failing on purpose and goes on.
    public var errexit: Bool = true
    /// Every attribute as written, including ones the runner does not interpret.
    public var raw: [String: String]

    /// Creates attributes with the defaults.
    public init(
        background: Bool = false, ready: ReadinessProbe? = nil, timeoutMilliseconds: Int? = nil, retry: Int = 0,
        intervalMilliseconds: Int = 250, expectedExitCode: Int = 0, expectedOutput: String? = nil,
        provider: String? = nil, informational: Bool = false, raw: [String: String] = [:]
    ) {
        self.background = background
        self.ready = ready
        self.timeoutMilliseconds = timeoutMilliseconds
        self.retry = retry
        self.intervalMilliseconds = intervalMilliseconds
        self.expectedExitCode = expectedExitCode
        self.expectedOutput = expectedOutput
        self.provider = provider
        self.informational = informational
        self.raw = raw
    }

    /// The attribute keys the runner interprets.
    public static let knownKeys: Set<String> = [
        "background", "ready", "timeout", "retry", "interval", "exit", "expect", "provider", "informational",
        "errexit", "data-test-step",
    ]

    /// Reads attributes from `key=value` pairs; throws a message naming the bad key.
    public init(parsing pairs: [String: String]) throws(StepAttributeError) {
        self.init(raw: pairs)
        for (key, value) in pairs {
            switch key {
            case "background": background = try Self.bool(key, value)
            case "ready": ready = try ReadinessProbe(parsing: value)
            case "timeout": timeoutMilliseconds = try Self.duration(key, value)
            case "retry":
                guard let n = Int(value), n >= 0 else { throw .invalid(key: key, value: value, expected: "a whole number ≥ 0") }
                retry = n
            case "interval": intervalMilliseconds = try Self.duration(key, value)
            case "exit":
                guard let n = Int(value), (0...255).contains(n) else { throw .invalid(key: key, value: value, expected: "an exit code 0-255") }
                expectedExitCode = n
            case "expect": expectedOutput = value
            case "provider":
                guard !value.isEmpty else { throw .invalid(key: key, value: value, expected: "a provider name") }
                provider = value
            case "informational": informational = try Self.bool(key, value)
            case "errexit": errexit = try Self.bool(key, value)
            default: continue
            }
        }
    }

    private static func bool(_ key: String, _ value: String) throws(StepAttributeError) -> Bool {
        switch value.lowercased() {
        case "true", "yes", "1", "": return true
        case "false", "no", "0": return false
        default: throw .invalid(key: key, value: value, expected: "true or false")
        }
    }

    private static func duration(_ key: String, _ value: String) throws(StepAttributeError) -> Int {
        guard let ms = Duration.milliseconds(parsing: value) else {
            throw .invalid(key: key, value: value, expected: "a duration such as 500ms, 30s or 2m")
        }
        return ms
    }
}

/// Why a step attribute could not be read.
public enum StepAttributeError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalid(key: String, value: String, expected: String)

    public var description: String {
        switch self {
        case let .invalid(key, value, expected): "attribute \(key)=\"\(value)\" is invalid: expected \(expected)"
        }
    }
}

extension Duration {
    /// Milliseconds in `500ms`, `30s`, `2m`, `1h` or a bare number of seconds; nil if malformed.
    public static func milliseconds(parsing text: String) -> Int? {
        let units: [(String, Double)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            guard let n = Double(text.dropLast(suffix.count)), n >= 0, n.isFinite else { return nil }
            return Int(n * factor)
        }
        guard let n = Double(text), n >= 0, n.isFinite else { return nil }
        return Int(n * 1000)
    }
}
