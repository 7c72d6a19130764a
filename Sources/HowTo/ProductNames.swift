import Liquid

/// Display names for product ids (`gateway` → "Kong Gateway") and deployment topologies.
public struct ProductNames: Sendable {
    /// The `site.*` variable that holds each product's display name in Kong's site data.
    private static let siteVariable: [String: String] = [
        "gateway": "base_gateway",
        "ai-gateway": "ai_gateway_name",
        "kic": "kic_product_name",
        "mesh": "mesh_product_name",
        "operator": "operator_product_name",
        "konnect": "konnect_product_name",
        "event-gateway": "event_gateway",
        "dev-portal": "dev_portal",
        "catalog": "konnect_catalog",
        "identity": "identity",
        "observability": "observability",
        "metering-and-billing": "metering_and_billing",
    ]

    /// Used when the site config does not name a product.
    private static let defaults: [String: String] = [
        "gateway": "Kong Gateway",
        "ai-gateway": "Kong AI Gateway",
        "kic": "Kong Ingress Controller",
        "mesh": "Kong Mesh",
        "operator": "Kong Operator",
        "konnect": "Kong Konnect",
        "insomnia": "Insomnia",
        "event-gateway": "Kong Event Gateway",
        "dev-portal": "Dev Portal",
        "catalog": "Catalog",
        "identity": "Kong Identity",
        "observability": "Observability",
        "metering-and-billing": "Metering & Billing",
    ]

    /// The `site.*` string variables.
    private let variables: [String: String]
    /// `site.products.<id>.name` entries, when the site data has them.
    private let productNames: [String: String]

    /// Creates the lookup from the site's string variables and its `site.data.products.<id>.name` table.
    public init(site: SiteConfig) {
        variables = site.variables.compactMapValues { value in
            if case .string(let text) = value { text } else { nil }
        }
        guard case .dictionary(let data)? = site.variables["data"], case .dictionary(let products)? = data["products"] else {
            productNames = [:]
            return
        }
        productNames = products.compactMapValues { product in
            if case .dictionary(let fields) = product, case .string(let name)? = fields["name"] { name } else { nil }
        }
    }

    /// "Kong Gateway" for `gateway`; the id itself when nothing names it.
    public func product(_ id: String) -> String {
        if let name = productNames[id], !name.isEmpty { return name }
        if let key = Self.siteVariable[id], let name = variables[key], !name.isEmpty { return name }
        return Self.defaults[id] ?? id
    }

    /// "On-prem" for `on-prem`, "Konnect" for `konnect`.
    public func topology(_ id: String) -> String {
        switch id {
        case "on-prem": "On-prem"
        case "konnect": variables["konnect_short_name"].flatMap { $0.isEmpty ? nil : $0 } ?? "Konnect"
        default: id
        }
    }
}
