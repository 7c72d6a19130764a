import Foundation

/// Replaces secrets with `****` wherever output goes: console, reports, repro files.
///
/// A value is secret when a provider marks it, when its variable's name contains `SECRET`, `TOKEN` or
/// `PASSWORD`, or when it looks like a Vault token, a JWT or a PEM private key (also with its line breaks
/// written as `\n`, as a key is put into a YAML string).
public struct SecretMasker: Sendable {
    /// The replacement text.
    public static let mask = "****"
    /// Values shorter than this are not masked by value (they would shred ordinary text).
    static let minimumLength = 4
    private static let secretNameMarkers = ["SECRET", "TOKEN", "PASSWORD", "PASSWD", "PRIVATE_KEY"]
    // Vault/OpenBao tokens (hvs., hvb., hvr., s., b., r.), JWTs (three base64url parts, header starts eyJ)
    // and PEM private keys (PKCS#8, EC, RSA, encrypted), from BEGIN to END or, cut short, to the end of the text.
    private static let patterns: [NSRegularExpression] = [
        #"\b(?:hv[sbr]|[sbr])\.[A-Za-z0-9_-]{20,}"#,
        #"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*"#,
        #"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----.*?(?:-----END (?:[A-Z]+ )*PRIVATE KEY-----|\z)"#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.dotMatchesLineSeparators]) }

    // `NAME=value`, `export NAME='value'`, `declare -x NAME="value"`: a value with no expansion in it.
    private static let literalAssignment = try! NSRegularExpression(
        pattern: #"(?:^|[\s;&|(])(?:(?:export|declare|local|readonly|typeset)\s+(?:-[a-zA-Z]+\s+)*)?([A-Za-z_][A-Za-z0-9_]*)=(?:'([^']*)'|"([^"$`\\]*)"|([^\s;&|()<>'"$`\\]+))"#,
        options: [.anchorsMatchLines])

    private var values: Set<String> = []

    /// An empty masker (patterns only).
    public init() {}

    /// Whether a variable of this name holds a secret.
    /// Names that only mention a secret: Vault's `token_*` role settings (`token_policies=kong-read`) and
    /// variables that name where a secret is kept (`*_FILE`, `*_PATH`, `*_DIR`), not the secret.
    public static func isSecretName(_ name: String) -> Bool {
        let upper = name.uppercased()
        if name.hasPrefix("token_") || ["_FILE", "_PATH", "_DIR"].contains(where: upper.hasSuffix) { return false }
        return secretNameMarkers.contains { upper.contains($0) }
    }

    /// Marks a value as secret.
    public mutating func add(_ value: String) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count >= Self.minimumLength { values.insert(trimmed) }
    }

    /// Marks as secret the values of every variable whose name says it is secret.
    public mutating func addSecrets(fromVariables variables: [String: String]) {
        for (name, value) in variables where Self.isSecretName(name) { add(value) }
    }

    /// Marks as secret every literal value `script` assigns to a secret-named variable, so that it is masked
    /// from the step's first output line on (values built at run time are learned when the step ends).
    public mutating func addLiteralAssignments(in script: String) {
        let range = NSRange(script.startIndex..., in: script)
        for match in Self.literalAssignment.matches(in: script, range: range) {
            guard let name = Range(match.range(at: 1), in: script).map({ String(script[$0]) }), Self.isSecretName(name) else { continue }
            for group in 2...4 {
                if let value = Range(match.range(at: group), in: script) { add(String(script[value])) }
            }
        }
    }

    /// Whether any secret is known besides the patterns.
    public var isEmpty: Bool { values.isEmpty }

    /// `text` with every secret replaced by `****`.
    public func callAsFunction(_ text: String) -> String {
        var result = text
        // Longest first, so a secret containing another is masked whole.
        for value in values.sorted(by: { $0.count > $1.count }) where result.contains(value) {
            result = result.replacingOccurrences(of: value, with: Self.mask)
        }
        for pattern in Self.patterns {
            let range = NSRange(result.startIndex..., in: result)
            result = pattern.stringByReplacingMatches(in: result, range: range, withTemplate: Self.mask)
        }
        return result
    }

    /// The variables with secret values masked (for reports).
    public func masked(variables: [String: String]) -> [String: String] {
        variables.reduce(into: [:]) { out, pair in
            out[pair.key] = Self.isSecretName(pair.key) && !pair.value.isEmpty ? Self.mask : self(pair.value)
        }
    }
}
