import GoValues

/// The merged rules of a token's policies, answering "may this token do that on this path?" as Vault does.
struct ACL: Sendable {
    private var exact: [String: PathPermissions] = [:]
    private var globs: [(pattern: String, permissions: PathPermissions)] = []
    let isRoot: Bool

    init(policies: [Policy], isRoot: Bool) {
        self.isRoot = isRoot
        var merged: [String: PathPermissions] = [:]
        for policy in policies {
            for rule in policy.rules {
                if merged[rule.pattern] == nil { merged[rule.pattern] = rule.permissions } else { merged[rule.pattern]!.merge(rule.permissions) }
            }
        }
        for (pattern, permissions) in merged {
            if pattern.contains("+") || pattern.hasSuffix("*") { globs.append((pattern, permissions)) } else { exact[pattern] = permissions }
        }
    }

    /// The permissions of the most specific rule matching `path` (nil when none matches).
    func permissions(on path: String) -> PathPermissions? {
        if let permissions = exact[path] { return permissions }
        return globs.filter { Self.matches($0.pattern, path) }.max { Self.lessSpecific($0.pattern, $1.pattern) }?.permissions
    }

    /// The capabilities granted on `path` by the most specific matching rule (empty when none matches).
    func capabilities(on path: String) -> Set<Capability> {
        guard let permissions = permissions(on: path) else { return [] }
        return permissions.isDeny ? [.deny] : permissions.capabilities
    }

    /// True when the token holds `capability` on `path`.
    func allows(_ capability: Capability, on path: String) -> Bool {
        if isRoot { return true }
        let caps = capabilities(on: path)
        return !caps.contains(.deny) && caps.contains(capability)
    }

    /// True when the token holds `capability` on `path` and the request meets the rule's conditions: its
    /// response-wrapping TTL and its parameters (OpenBao's `AllowOperation`).
    func authorizes(_ capability: Capability, on path: String, wrapTTL: Int?, parameters: [(String, JSONValue)]) -> Bool {
        if isRoot { return true }
        guard let permissions = permissions(on: path), !permissions.isDeny, permissions.capabilities.contains(capability) else {
            return false
        }
        return permissions.permits(capability, wrapTTL: wrapTTL, parameters: parameters)
    }

    /// True when some rule grants anything at or below `prefix` (the UI mounts preflight check).
    func hasAnyAccess(under prefix: String) -> Bool {
        if isRoot { return true }
        let all = exact.map { ($0.key, $0.value.capabilities) } + globs.map { ($0.pattern, $0.permissions.capabilities) }
        return all.contains { pattern, caps in
            guard !caps.subtracting([.deny]).isEmpty, !caps.contains(.deny) else { return false }
            let literal = String(pattern.prefix { $0 != "*" && $0 != "+" })
            return literal.hasPrefix(prefix) || prefix.hasPrefix(literal)
        }
    }

    /// Glob match: a trailing `*` matches any suffix, `+` matches exactly one path segment.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        var pattern = Substring(pattern)
        let prefixMatch = pattern.hasSuffix("*")
        if prefixMatch { pattern = pattern.dropLast() }
        if !pattern.contains("+") {
            return prefixMatch ? path.hasPrefix(pattern) : path == pattern
        }
        let patternSegments = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let pathSegments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard pathSegments.count >= patternSegments.count else { return false }
        if !prefixMatch && pathSegments.count != patternSegments.count { return false }
        for (i, segment) in patternSegments.enumerated() {
            let isLast = i == patternSegments.count - 1
            if segment == "+" { continue }
            if isLast && prefixMatch {
                let rest = pathSegments[i...].joined(separator: "/")
                if !rest.hasPrefix(segment) { return false }
            } else if segment != pathSegments[i] {
                return false
            }
        }
        return true
    }

    /// Vault's priority order between two matching globs (true when `a` loses to `b`).
    static func lessSpecific(_ a: String, _ b: String) -> Bool {
        func firstWildcard(_ s: String) -> Int {
            let chars = Array(s)
            return chars.firstIndex { $0 == "+" || $0 == "*" } ?? chars.count
        }
        let wa = firstWildcard(a), wb = firstWildcard(b)
        if wa != wb { return wa < wb }
        let sa = a.hasSuffix("*"), sb = b.hasSuffix("*")
        if sa != sb { return sa }
        let pa = a.filter { $0 == "+" }.count, pb = b.filter { $0 == "+" }.count
        if pa != pb { return pa > pb }
        if a.count != b.count { return a.count < b.count }
        return a > b
    }
}
