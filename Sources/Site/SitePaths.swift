import Markdown

/// Where the site's pages live: URLs and the files that serve them.
enum SitePaths {
    /// The home page.
    static let home = "/"
    /// The list of every how-to.
    static let howToIndex = "/how-to/"
    /// The list of every tag.
    static let tagIndex = "/tags/"

    /// `/tags/<slug>/` for a tag.
    static func tag(_ tag: String) -> String { "/tags/\(Slugger.slug(tag))/" }

    /// The output file, relative to the site root, that serves a URL ending in `/` (`/a/b/` → `a/b/index.html`).
    static func file(forURL url: String) -> String {
        let trimmed = url.drop(while: { $0 == "/" })
        return trimmed.isEmpty ? "index.html" : "\(trimmed)\(trimmed.hasSuffix("/") ? "" : "/")index.html"
    }

    /// A path of plain names (`a/b.html`): no empty, `.` or `..` segment, no leading `/`, no NUL.
    static func isPlainRelative(_ path: String) -> Bool {
        !path.isEmpty && !path.utf8.contains(0) && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }
}
