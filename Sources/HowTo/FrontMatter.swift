public import Diagnostics

/// The typed front matter of a how-to (the Kong vocabulary), with Liquid in strings already rendered.
public struct FrontMatter: Sendable, Hashable {
    /// `title` (required): the H1.
    public var title: String
    /// `content_type` (required), `how_to` for how-tos.
    public var contentType: String
    /// `description`: SEO and search text.
    public var description: String?
    /// `permalink`: an explicit page URL.
    public var permalink: String?
    /// `products` (required); order matters, `products[0]` is the main product.
    public var products: [String]
    /// `works_on`: `on-prem` and/or `konnect`.
    public var worksOn: [String]
    /// `min_version`: product → version string, e.g. `gateway: '3.13'`.
    public var minVersion: [String: String]
    /// `entities`: entity kinds shown in the info box.
    public var entities: [String]
    /// `plugins`: plugin names shown in the info box.
    public var plugins: [String]
    /// `tags`.
    public var tags: [String]
    /// `search_aliases`: extra search terms.
    public var searchAliases: [String]
    /// `tldr` {q, a}.
    public var tldr: QA?
    /// `tools`: `deck`, `admin-api`, ...
    public var tools: [String]
    /// `prereqs`.
    public var prereqs: Prereqs?
    /// `cleanup`.
    public var cleanup: Cleanup?
    /// `faqs` [{q, a}] as written (Liquid rendered); the page carries the rendered form.
    public var faqs: [QA]
    /// `related_resources` [{text, url}].
    public var relatedResources: [Link]
    /// `next_steps` [{text, url}].
    public var nextSteps: [Link]
    /// `series` {id, position}.
    public var series: Series?
    /// `automated_tests`: false means Kong's harness cannot test it; nil when absent.
    public var automatedTests: Bool?
    /// `automated_tests: {standalone_gateway: true}`.
    public var standaloneGateway: Bool
    /// `short_title`.
    public var shortTitle: String?
    /// `breadcrumbs`: each entry a URL string or a small map (`url`/`title` or `index`/`group`/`section`).
    public var breadcrumbs: [[String: String]]
    /// `tier` (e.g. `enterprise`).
    public var tier: String?
    /// `published: false` hides the page.
    public var published: Bool?
    /// `tech_preview`.
    public var techPreview: Bool?
    /// `beta`.
    public var beta: Bool?
    /// `rbac`.
    public var rbac: Bool?
    /// `topology_switcher` (`page`).
    public var topologySwitcher: String?
    /// `no_wrap`: no H2 section wrapping.
    public var noWrap: Bool?
    /// `wasm`.
    public var wasm: Bool?
    /// `excerpt`.
    public var excerpt: String?

    /// A question/answer pair (`tldr`, `faqs`), Liquid rendered, markdown not yet rendered.
    public struct QA: Sendable, Hashable {
        /// The question.
        public var q: String
        /// The answer (markdown).
        public var a: String
        /// Where the item starts in the file.
        public var location: SourceLocation

        /// Creates a pair.
        public init(q: String, a: String, location: SourceLocation) {
            self.q = q
            self.a = a
            self.location = location
        }
    }

    /// `series` {id, position}.
    public struct Series: Sendable, Hashable {
        /// The series id (an entry of the site's series list).
        public var id: String
        /// 1-based position in the series.
        public var position: Int

        /// Creates a series membership.
        public init(id: String, position: Int) {
            self.id = id
            self.position = position
        }
    }

    /// A prerequisite or cleanup item of `inline`: a title and exactly one of `content` / `include_content`.
    public struct InlineItem: Sendable, Hashable {
        /// The item title, Liquid rendered.
        public var title: String
        /// Inline markdown content (with Liquid), when given.
        public var content: String?
        /// The include path (relative to `content/_includes/`, without `.md`), when given.
        public var includeContent: String?
        /// `icon_url`.
        public var iconURL: String?
        /// `position: before`.
        public var position: String?
        /// Where the item starts in the file.
        public var location: SourceLocation
        /// Where the content starts: the `content` value's first line, or the include file's first line.
        public var contentLocation: SourceLocation

        /// Creates an item.
        public init(
            title: String, content: String? = nil, includeContent: String? = nil, iconURL: String? = nil,
            position: String? = nil, location: SourceLocation, contentLocation: SourceLocation
        ) {
            self.title = title
            self.content = content
            self.includeContent = includeContent
            self.iconURL = iconURL
            self.position = position
            self.location = location
            self.contentLocation = contentLocation
        }
    }

    /// `prereqs`: inline items plus the generated-item switches.
    public struct Prereqs: Sendable, Hashable {
        /// `inline` items.
        public var inline: [InlineItem]
        /// `entities` {services: [...], routes: [...]}: example entity names.
        public var entities: [String: [String]]
        /// `skip_product`.
        public var skipProduct: Bool
        /// `show_works_on`.
        public var showWorksOn: Bool?
        /// `enterprise`.
        public var enterprise: Bool
        /// `gateway` env variables for the on-prem quickstart (`name` → `value`, nil when unset).
        public var gatewayEnvironment: [EnvironmentVariable]
        /// `konnect` env variables for the Konnect quickstart.
        public var konnectEnvironment: [EnvironmentVariable]
        /// `cloud` providers (`aws`, `gcp`, `azure`).
        public var cloud: [String]

        /// Creates prerequisites.
        public init(
            inline: [InlineItem] = [], entities: [String: [String]] = [:], skipProduct: Bool = false,
            showWorksOn: Bool? = nil, enterprise: Bool = false, gatewayEnvironment: [EnvironmentVariable] = [],
            konnectEnvironment: [EnvironmentVariable] = [], cloud: [String] = []
        ) {
            self.inline = inline
            self.entities = entities
            self.skipProduct = skipProduct
            self.showWorksOn = showWorksOn
            self.enterprise = enterprise
            self.gatewayEnvironment = gatewayEnvironment
            self.konnectEnvironment = konnectEnvironment
            self.cloud = cloud
        }
    }

    /// A quickstart env variable (`{name, value?}`).
    public struct EnvironmentVariable: Sendable, Hashable {
        /// The variable name.
        public var name: String
        /// Its value, nil to pass it through from the environment.
        public var value: String?

        /// Creates an env variable.
        public init(name: String, value: String? = nil) {
            self.name = name
            self.value = value
        }
    }

    /// `cleanup`: inline items.
    public struct Cleanup: Sendable, Hashable {
        /// `inline` items.
        public var inline: [InlineItem]

        /// Creates cleanup.
        public init(inline: [InlineItem] = []) { self.inline = inline }
    }

    /// Creates front matter with the required keys; everything else empty.
    public init(title: String, contentType: String = "how_to", products: [String]) {
        self.title = title
        self.contentType = contentType
        self.products = products
        description = nil
        permalink = nil
        worksOn = []
        minVersion = [:]
        entities = []
        plugins = []
        tags = []
        searchAliases = []
        tldr = nil
        tools = []
        prereqs = nil
        cleanup = nil
        faqs = []
        relatedResources = []
        nextSteps = []
        series = nil
        automatedTests = nil
        standaloneGateway = false
        shortTitle = nil
        breadcrumbs = []
        tier = nil
        published = nil
        techPreview = nil
        beta = nil
        rbac = nil
        topologySwitcher = nil
        noWrap = nil
        wasm = nil
        excerpt = nil
    }
}
