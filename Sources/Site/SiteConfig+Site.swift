import HowTo
import Liquid

extension SiteConfig {
    /// The top-level `site.*` variables that are plain strings (product display names and the like).
    var stringVariables: [String: String] {
        variables.compactMapValues { value in
            if case .string(let text) = value { text } else { nil }
        }
    }

    /// `site.data.products.<id>.name` from the site data, when present.
    var productDisplayNames: [String: String] {
        guard case .dictionary(let data)? = variables["data"], case .dictionary(let products)? = data["products"] else { return [:] }
        return products.compactMapValues { product in
            if case .dictionary(let fields) = product, case .string(let name)? = fields["name"] { name } else { nil }
        }
    }

    /// The absolute URL the site is published at (`site.url`), without a trailing slash; nil when unset.
    var publishedURL: String? {
        guard case .string(var url)? = variables["url"], !url.isEmpty else { return nil }
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
