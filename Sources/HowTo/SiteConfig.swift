public import Liquid

/// Site-wide settings and `site.*` variables, from `content/_data/site.yml` plus defaults.
public struct SiteConfig: Sendable {
    /// Everything under `site.*` for Liquid (`base_gateway`, `kic_product_name`, ...).
    public var variables: [String: LiquidValue]
    /// The site title, default "howto".
    public var title: String
    /// Where links to pages not in this site go, e.g. `https://developer.konghq.com`.
    public var upstreamBaseURL: String
    /// Whether raw HTML in markdown passes through (false by default: it is escaped).
    public var allowRawHTML: Bool

    /// Creates a configuration.
    public init(
        variables: [String: LiquidValue] = [:], title: String = "howto",
        upstreamBaseURL: String = "https://developer.konghq.com", allowRawHTML: Bool = false
    ) {
        self.variables = variables
        self.title = title
        self.upstreamBaseURL = upstreamBaseURL
        self.allowRawHTML = allowRawHTML
    }
}
