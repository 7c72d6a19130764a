import Foundation

/// A parsed `{vault://prefix/resource[/key][?overrides][#version]}` secret reference (Kong's `parse_reference`).
public struct VaultReference: Sendable, Hashable {
    /// The vault entity prefix or bundled backend name (the URL host).
    public var name: String
    /// The secret path (everything but the key).
    public var resource: String
    /// The JSON subfield to return, nil for the whole secret.
    public var key: String?
    /// The requested secret version (`#N`).
    public var version: Int?
    /// Config overrides from the query string.
    public var config: [String: String]

    /// Creates a reference from its parts.
    public init(name: String, resource: String, key: String? = nil, version: Int? = nil, config: [String: String] = [:]) {
        self.name = name
        self.resource = resource
        self.key = key
        self.version = version
        self.config = config
    }

    /// Whether `text` is a reference: starts with `{vault://` and ends with `}`.
    public static func isReference(_ text: String) -> Bool {
        text.hasPrefix("{vault://") && text.hasSuffix("}")
    }

    /// Parses a reference with Kong's rules and error texts.
    public static func parse(_ reference: String) throws(VaultLookupError) -> VaultReference {
        guard isReference(reference) else { throw .message("not a reference [\(reference)]") }
        var url = String(reference.dropFirst().dropLast())
        var fragment: String?
        if let hash = url.firstIndex(of: "#") {
            fragment = String(url[url.index(after: hash)...])
            url = String(url[..<hash])
        }
        url.removeFirst("vault:".count)
        var query: String?
        guard url.hasPrefix("//") else { throw .message("reference url is missing host [\(reference)]") }
        url.removeFirst(2)
        let authorityEnd = url.firstIndex(of: "/") ?? url.firstIndex(of: "?") ?? url.endIndex
        var authority = String(url[..<authorityEnd])
        url = String(url[authorityEnd...])
        if let q = url.firstIndex(of: "?") {
            query = String(url[url.index(after: q)...])
            url = String(url[..<q])
        }
        if let at = authority.lastIndex(of: "@") { authority = String(authority[authority.index(after: at)...]) }
        if let colon = authority.lastIndex(of: ":") { authority = String(authority[..<colon]) }
        guard !authority.isEmpty else { throw .message("reference url is missing host [\(reference)]") }
        guard !url.isEmpty else { throw .message("reference url is missing path [\(reference)]") }
        let path = String(url.dropFirst())
        guard !path.isEmpty else { throw .message("reference url has empty path [\(reference)]") }
        var version: Int?
        if let fragment {
            guard let number = Int(fragment) else { throw .message("reference url has invalid version [\(reference)]") }
            version = number
        }
        let parts = path.split(separator: "/").map { unescape(String($0)) }
        var resource: String
        var key: String?
        switch parts.count {
        case 0: throw .message("reference url has invalid path [\(reference)]")
        case 1: resource = parts[0]
        default:
            if path.hasSuffix("/") {
                resource = parts.joined(separator: "/")
            } else {
                resource = parts.dropLast().joined(separator: "/")
                key = parts.last
            }
        }
        return VaultReference(name: authority, resource: resource, key: key, version: version,
                              config: decodeArgs(query ?? ""))
    }

    /// `ngx.decode_args`: `a=1&b` → `["a": "1", "b": "true"]`, `+` is a space, later keys win.
    static func decodeArgs(_ query: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = unescape(String(parts[0]).replacingOccurrences(of: "+", with: " "))
            guard !key.isEmpty else { continue }
            result[key] = parts.count > 1 ? unescape(String(parts[1]).replacingOccurrences(of: "+", with: " ")) : "true"
        }
        return result
    }

    private static func unescape(_ text: String) -> String {
        text.removingPercentEncoding ?? text
    }
}
