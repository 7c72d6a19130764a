import Foundation
import GoValues

/// The JWT auth method's claim rules after the signature and registered claims are checked: bound claims
/// (string or glob), the user claim, claim mappings and the groups claim, with OpenBao's texts
/// (`internal/builtin/credential/jwt/claims.go`, `path_login.go`, `path_role.go`).
enum JWTClaims {
    /// A refused login; `message` is the whole error text.
    struct Problem: Error {
        let message: String
    }

    /// The claim named `name`, or at a JSON pointer when it starts with `/`; `aud` is always a list and
    /// numbers are whole (Go turns float64 claims into integers).
    static func claim(_ claims: JSONValue, _ name: String) -> JSONValue? {
        var value: JSONValue?
        if name.hasPrefix("/") {
            value = claims
            for token in name.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
                let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                if let index = Int(key), let array = value?.arrayValue { value = array.indices.contains(index) ? array[index] : nil } else { value = value?[key] }
            }
        } else {
            value = claims[name]
        }
        switch value {
        case let .string(single)? where name == "aud": return .array([.string(single)])
        case .number?: return value?.truncatedIntValue.map { .int($0) } ?? value
        case .null?: return nil
        default: return value
        }
    }

    /// A bound-claims or claim-mappings setting a role may not hold (`path_role.go`), nil when it is fine.
    static func roleProblem(boundClaims: JSONValue, type: String, claimMappings: JSONValue) -> String? {
        if type == "glob", case let .object(bound) = boundClaims {
            for (_, values) in bound {
                switch values {
                case .string: continue
                case let .array(items):
                    if let bad = items.first(where: { $0.stringValue == nil }) { return "claim is not a string: \(goFormat(bad))" }
                case .object, .null: return "claim is not a string or list: \(goFormat(values))"
                default: return "claim is not a string: \(goFormat(values))"
                }
            }
        }
        if case let .object(mappings) = claimMappings {
            var targets: Set<String> = []
            for (_, target) in mappings {
                let name = target.stringValue ?? ""
                if name == "role" { return "metadata key \"role\" is reserved and may not be a mapping destination" }
                if !targets.insert(name).inserted { return "multiple keys are mapped to metadata key \"\(name)\"" }
            }
        }
        return nil
    }

    /// The user name and token metadata a login gets, or why it is refused (`createIdentity`).
    static func identity(_ claims: JSONValue, userClaim: String, pointer: Bool, claimMappings: JSONValue,
                         groupsClaim: String) -> Result<(user: String, metadata: [String: String]), Problem> {
        guard let raw = pointer ? claim(claims, userClaim) : claims[userClaim], !raw.isNull else { return .failure(Problem(message: "claim \"\(userClaim)\" not found in token")) }
        guard let user = raw.stringValue else { return .failure(Problem(message: "claim \"\(userClaim)\" could not be converted to string")) }
        var metadata: [String: String] = [:]
        for (source, target) in claimMappings.objectValue ?? [] {
            guard let value = claim(claims, source) else { continue }
            guard let text = value.stringValue else { return .failure(Problem(message: "error converting claim '\(source)' to string")) }
            metadata[target.stringValue ?? ""] = text
        }
        if !groupsClaim.isEmpty {
            guard let groups = claim(claims, groupsClaim) else {
                return .failure(Problem(message: "failed to fetch groups: \"\(groupsClaim)\" claim not found in token"))
            }
            guard let list = normalizedList(groups) else { return .failure(Problem(message: "\"\(groupsClaim)\" claim could not be converted to string list")) }
            if let bad = list.first(where: { $0.stringValue == nil }) {
                return .failure(Problem(message: "value \(goFormat(bad)) in groups claim could not be parsed as string"))
            }
        }
        return .success((user, metadata))
    }

    /// Why the token's claims do not meet the role's bound claims (`validateBoundClaims`), nil when they do.
    static func boundClaimsProblem(_ boundClaims: JSONValue, type: String, in claims: JSONValue) -> String? {
        for (name, expected) in boundClaims.objectValue ?? [] {
            guard let actual = claim(claims, name) else { return "claim \"\(name)\" is missing" }
            guard let actualValues = normalizedList(actual) else { return "received claim is not a string, bool, int or list: \(goFormat(actual))" }
            guard let expectedValues = normalizedList(expected) else { return "bound claim is not a string, bool, int or list: \(goFormat(expected))" }
            let found = expectedValues.contains { want in
                actualValues.contains { have in
                    if type == "glob" {
                        guard let pattern = want.stringValue, let text = have.stringValue else { return false }
                        return glob(pattern, text)
                    }
                    return want == have && sameKind(want, have)
                }
            }
            if !found { return "claim \"\(name)\" does not match any associated bound claim values" }
        }
        return nil
    }

    /// A string, bool or number as a one-element list, a list as itself; nil for anything else.
    private static func normalizedList(_ value: JSONValue) -> [JSONValue]? {
        switch value {
        case let .array(items): return items
        case .string, .bool, .number: return [value]
        default: return nil
        }
    }

    /// Go compares interface values by type too: "1" never equals 1.
    private static func sameKind(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string, .string), (.bool, .bool), (.number, .number): return true
        default: return false
        }
    }

    /// ryanuber/go-glob: `*` matches any run of characters, anywhere in the pattern.
    static func glob(_ pattern: String, _ text: String) -> Bool {
        if pattern == "*" { return true }
        let parts = pattern.components(separatedBy: "*")
        if parts.count == 1 { return pattern == text }
        var rest = Substring(text)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(parts.last!)
    }

    /// Go's `%v` of a decoded JSON value, for the messages that print one.
    private static func goFormat(_ value: JSONValue) -> String {
        switch value {
        case let .string(s): return s
        case let .array(items): return "[" + items.map(goFormat).joined(separator: " ") + "]"
        case let .object(members): return "map[" + members.sorted { $0.0 < $1.0 }.map { "\($0.0):\(goFormat($0.1))" }.joined(separator: " ") + "]"
        case .null: return "<nil>"
        default: return value.goJSON()
        }
    }
}
