import Foundation

/// Decides where a link goes: pages of this site stay site-relative, other site-relative links go upstream.
struct LinkResolver: Sendable {
    /// Site-relative paths (`/how-to/x/`) of every page this build writes.
    let localPaths: Set<String>
    /// Where links to pages not in this site go, without a trailing slash.
    let upstreamBaseURL: String

    /// Creates a resolver for the given local page paths and upstream base URL.
    init(localPaths: Set<String>, upstreamBaseURL: String) {
        self.localPaths = localPaths
        var base = upstreamBaseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.upstreamBaseURL = base
    }

    /// The path part of a site-relative URL (no query, no fragment), nil for other URLs.
    static func sitePath(of url: String) -> String? {
        guard url.hasPrefix("/"), !url.hasPrefix("//") else { return nil }
        let end = url.firstIndex(where: { $0 == "#" || $0 == "?" }) ?? url.endIndex
        return String(url[..<end])
    }

    /// Whether the URL is site-relative and names a page of this site (or a bundled asset).
    func isLocal(_ url: String) -> Bool {
        guard let path = Self.sitePath(of: url) else { return false }
        return localPaths.contains(path) || path.hasPrefix("/assets/")
    }

    /// The URL to write in the page: unchanged when local or absolute, upstream otherwise.
    func resolve(_ url: String) -> String {
        guard Self.sitePath(of: url) != nil, !isLocal(url) else { return url }
        return upstreamBaseURL + url
    }

    /// Rewrites every `href="/..."` in rendered HTML with `resolve(_:)`.
    func rewriteLinks(inHTML html: String) -> String {
        // One pass over the bytes: copy everything, resolving each root-relative `href="/..."`.
        let bytes = Array(html.utf8)
        let marker = Array(#"href="/"#.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var i = 0
        var copied = 0
        while i + marker.count <= bytes.count {
            guard bytes[i] == marker[0], bytes[i..<(i + marker.count)].elementsEqual(marker) else {
                i += 1
                continue
            }
            let start = i + marker.count - 1  // the leading "/"
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            let url = String(decoding: bytes[start..<end], as: UTF8.self)
            let resolved = resolve(url)
            if resolved != url {
                out += bytes[copied..<start]
                out += Array(resolved.utf8)
                copied = end
            }
            i = end
        }
        guard copied > 0 else { return html }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }
}
