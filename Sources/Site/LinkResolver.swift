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
        let marker = "href=\""
        guard html.contains(marker) else { return html }
        var pieces = html.components(separatedBy: marker)
        for i in pieces.indices.dropFirst() {
            let piece = pieces[i]
            guard piece.hasPrefix("/"), let end = piece.firstIndex(of: "\"") else { continue }
            let url = String(piece[..<end])
            let resolved = resolve(url)
            if resolved != url { pieces[i] = resolved + piece[end...] }
        }
        return pieces.joined(separator: marker)
    }
}
