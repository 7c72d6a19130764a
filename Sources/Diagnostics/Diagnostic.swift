/// A located message about user input: `path:line:col: error: message`.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// How bad a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Where the problem is.
    public var location: SourceLocation
    /// How bad it is.
    public var severity: Severity
    /// What is wrong and, where possible, what to do about it.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.location = location
        self.severity = severity
        self.message = message
    }

    /// Creates an error diagnostic.
    public static func error(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    /// Creates a warning diagnostic.
    public static func warning(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// `path:line:col: severity: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// One or more diagnostics of which at least one is an error, thrown as a unit.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// Every diagnostic collected, errors and warnings, in source order.
    public var diagnostics: [Diagnostic]

    /// Wraps diagnostics for throwing.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Array where Element == Diagnostic {
    /// Whether any element is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Turns warnings into errors (the `--strict` mode).
    public func strict() -> [Diagnostic] {
        map { d in
            var d = d
            if d.severity == .warning { d.severity = .error }
            return d
        }
    }
}
