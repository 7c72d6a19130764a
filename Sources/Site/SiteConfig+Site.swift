import HowTo
import Liquid

extension SiteConfig {
    /// The absolute URL the site is published at (`site.url`), without a trailing slash; nil when unset.
    var publishedURL: String? {
        guard case .string(var url)? = variables["url"], !url.isEmpty else { return nil }
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
