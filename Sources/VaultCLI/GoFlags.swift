import GoValues
/// Command-line flags parsed like Go's `flag` package, which the Vault CLI uses:
/// `-name=value`, `-name value`, `--name`, boolean `-name` / `-name=false`, and
/// parsing stops at the first positional argument or `--`.
struct GoFlags {
    /// One accepted flag.
    struct Spec: Sendable {
        let name: String
        let isBool: Bool

        static func value(_ name: String) -> Spec { Spec(name: name, isBool: false) }
        static func bool(_ name: String) -> Spec { Spec(name: name, isBool: true) }
    }

    /// Every value given per flag name, in order.
    private(set) var values: [String: [String]] = [:]
    /// The arguments after the flags.
    private(set) var positional: [String] = []

    /// The last value given for `name`.
    func string(_ name: String) -> String? { values[name]?.last }

    /// Every value given for `name` (for repeatable flags such as `-policy`).
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Whether a boolean flag is set.
    func bool(_ name: String) -> Bool { values[name]?.last == "true" }

    /// A duration flag as Go's `time.Duration.String()` (`1h0m0s`; `0s` when unset), as the CLI sends it.
    func durationText(_ name: String) -> String {
        GoDuration.goString(seconds: string(name).flatMap(GoDuration.seconds) ?? 0)
    }

    /// Whether the flag appeared at all.
    func isSet(_ name: String) -> Bool { values[name] != nil }

    /// Positional arguments that look like flags: Go stops at the first positional one.
    var strandedFlags: [String] { positional.filter { $0.count > 1 && $0.hasPrefix("-") } }

    /// Parses `arguments` against `specs`.
    static func parse(_ arguments: [String], specs: [Spec]) throws(FlagError) -> GoFlags {
        var flags = GoFlags()
        var rest = arguments[...]
        while let arg = rest.first {
            guard arg.count >= 2, arg.hasPrefix("-") else { break }
            var name = Substring(arg.dropFirst())
            if name.hasPrefix("-") {
                name = name.dropFirst()
                if name.isEmpty { rest = rest.dropFirst(); break }
            }
            guard let first = name.first, first != "-", first != "=" else { throw .badSyntax(arg) }
            rest = rest.dropFirst()
            var value: String?
            if let eq = name.firstIndex(of: "=") {
                value = String(name[name.index(after: eq)...])
                name = name[..<eq]
            }
            guard let spec = specs.first(where: { $0.name == name }) else { throw .undefined(String(name)) }
            if spec.isBool {
                guard let v = value else { flags.values[spec.name, default: []].append("true"); continue }
                switch v {
                case "1", "t", "T", "true", "TRUE", "True": flags.values[spec.name, default: []].append("true")
                case "0", "f", "F", "false", "FALSE", "False": flags.values[spec.name, default: []].append("false")
                default: throw .invalidBool(value: v, flag: spec.name)
                }
            } else {
                if value == nil {
                    guard let next = rest.first else { throw .needsArgument(spec.name) }
                    value = next
                    rest = rest.dropFirst()
                }
                flags.values[spec.name, default: []].append(value ?? "")
            }
        }
        flags.positional = Array(rest)
        return flags
    }
}

/// A flag parsing failure, worded as Go's `flag` package words it.
enum FlagError: Error, CustomStringConvertible {
    case undefined(String)
    case needsArgument(String)
    case invalidBool(value: String, flag: String)
    case invalidValue(value: String, flag: String)
    case badSyntax(String)

    var description: String {
        switch self {
        case .undefined(let n): "flag provided but not defined: -\(n)"
        case .needsArgument(let n): "flag needs an argument: -\(n)"
        case .invalidBool(let v, let n): "invalid boolean value \"\(v)\" for -\(n): parse error"
        case .invalidValue(let v, let n): "invalid value \"\(v)\" for flag -\(n): parse error"
        case .badSyntax(let a): "bad flag syntax: \(a)"
        }
    }
}
