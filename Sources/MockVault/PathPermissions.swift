import GoValues

/// What one policy path block grants, and its conditions (wrapping TTL bounds, parameter rules), merged
/// across policies and checked per request as OpenBao's ACL does (`internal/vault/policy/acl.go`).
struct PathPermissions: Sendable, Equatable {
    var capabilities: Set<Capability> = []
    /// Seconds; 0 = no bound.
    var minWrappingTTL = 0
    var maxWrappingTTL = 0
    /// Parameter name (lowercased) → allowed values (empty = any value); nil = no rule.
    var allowedParameters: [String: [JSONValue]]?
    var deniedParameters: [String: [JSONValue]]?
    var requiredParameters: [String] = []

    var isDeny: Bool { capabilities.contains(.deny) }

    /// Adds another policy's block on the same path: deny wins, capabilities add up, the lesser wrapping
    /// bounds hold, parameter lists are joined.
    mutating func merge(_ other: PathPermissions) {
        if isDeny { return }
        if other.isDeny {
            self = PathPermissions(capabilities: [.deny])
            return
        }
        capabilities.formUnion(other.capabilities)
        if other.maxWrappingTTL > 0, maxWrappingTTL == 0 || other.maxWrappingTTL < maxWrappingTTL { maxWrappingTTL = other.maxWrappingTTL }
        if other.minWrappingTTL > 0, minWrappingTTL == 0 || other.minWrappingTTL < minWrappingTTL { minWrappingTTL = other.minWrappingTTL }
        allowedParameters = Self.join(allowedParameters, other.allowedParameters)
        deniedParameters = Self.join(deniedParameters, other.deniedParameters)
        for name in other.requiredParameters where !requiredParameters.contains(name) { requiredParameters.append(name) }
    }

    /// Joined parameter rules: a name with "any value" on either side allows any value.
    private static func join(_ a: [String: [JSONValue]]?, _ b: [String: [JSONValue]]?) -> [String: [JSONValue]]? {
        guard let b, !b.isEmpty else { return a }
        guard var a else { return b }
        for (name, values) in b {
            if let existing = a[name] { a[name] = existing.isEmpty || values.isEmpty ? [] : values + existing } else { a[name] = values }
        }
        return a
    }

    /// Whether a request holding `capability` may go on: its wrapping TTL within bounds and, for reads and
    /// writes, its parameters within the rules.
    func permits(_ capability: Capability, wrapTTL: Int?, parameters: [(String, JSONValue)]) -> Bool {
        if maxWrappingTTL > 0, (wrapTTL ?? 0) == 0 || wrapTTL! > maxWrappingTTL { return false }
        if minWrappingTTL > 0, (wrapTTL ?? 0) == 0 || wrapTTL! < minWrappingTTL { return false }
        if minWrappingTTL != 0, maxWrappingTTL != 0, maxWrappingTTL < minWrappingTTL { return false }
        guard [.read, .update, .create, .patch].contains(capability) else { return true }
        let given = Dictionary(parameters.map { ($0.0.lowercased(), $0.1) }, uniquingKeysWith: { _, last in last })
        for name in requiredParameters where given[name.lowercased()] == nil { return false }
        if given.isEmpty { return true }
        if let denied = deniedParameters, !denied.isEmpty {
            if denied["*"] != nil { return false }
            for (name, value) in given {
                if let values = denied[name], Self.value(value, in: values) { return false }
            }
        }
        guard let allowed = allowedParameters, !allowed.isEmpty else { return true }
        let allowsAll = allowed["*"] != nil
        if allowed.count == 1 && allowsAll { return true }
        for (name, value) in given {
            guard let values = allowed[name] else {
                if allowsAll { continue }
                return false
            }
            if !Self.value(value, in: values) { return false }
        }
        return true
    }

    /// Vault's `valueInParameterList`: an empty list holds every value; strings match with `*` globs at
    /// either end.
    private static func value(_ value: JSONValue, in list: [JSONValue]) -> Bool {
        if list.isEmpty { return true }
        return list.contains { element in
            if case let .string(pattern) = element, case let .string(text) = value { return globMatch(pattern, text) }
            return element == value
        }
    }

    /// `strutil.GlobbedStringsMatch`: `*x*` contains, `*x` suffix, `x*` prefix, else equality.
    static func globMatch(_ pattern: String, _ text: String) -> Bool {
        if pattern.count >= 2, pattern.hasPrefix("*"), pattern.hasSuffix("*") { return text.contains(pattern.dropFirst().dropLast()) }
        if pattern.hasPrefix("*") { return text.hasSuffix(pattern.dropFirst()) }
        if pattern.hasSuffix("*") { return text.hasPrefix(pattern.dropLast()) }
        return pattern == text
    }
}
