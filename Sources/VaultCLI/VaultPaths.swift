/// Path helpers of the CLI (`sanitizePath`, Go's `path.Join`, `addPrefixToKVPath`).
enum VaultPaths {
    /// Strips leading and trailing slashes.
    static func sanitize(_ s: String) -> String {
        var s = Substring(s)
        while s.hasPrefix("/") { s = s.dropFirst() }
        while s.hasSuffix("/") { s = s.dropLast() }
        return String(s)
    }

    /// Adds one trailing slash.
    static func withTrailingSlash(_ s: String) -> String {
        s.hasSuffix("/") ? s : s + "/"
    }

    /// Go's `path.Join`: joins non-empty parts and cleans the result.
    static func join(_ parts: String...) -> String {
        let joined = parts.filter { !$0.isEmpty }.joined(separator: "/")
        guard !joined.isEmpty else { return "" }
        var stack: [Substring] = []
        for segment in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == "..", !stack.isEmpty { stack.removeLast(); continue }
            stack.append(segment)
        }
        return (joined.hasPrefix("/") ? "/" : "") + stack.joined(separator: "/")
    }

    /// `addPrefixToKVPath(path, mountPath, apiPrefix, false)`: `secret/x` → `secret/data/x`.
    static func addKVPrefix(_ path: String, mount: String, apiPrefix: String) -> String {
        var mount = mount
        if path == mount || path == String(mount.hasSuffix("/") ? mount.dropLast() : Substring(mount)) {
            return join(mount, apiPrefix)
        }
        var suffix = path.hasPrefix(mount) ? String(path.dropFirst(mount.count)) : path
        while suffix == path, !mount.isEmpty {
            if let slash = mount.firstIndex(of: "/") {
                mount = String(mount[mount.index(after: slash)...])
            } else {
                mount = ""
            }
            suffix = path.hasPrefix(mount) ? String(path.dropFirst(mount.count)) : path
        }
        return join(mount, apiPrefix, suffix)
    }
}
