import Foundation
import HowToPlan
import Liquid
import Yams

/// The prerequisite items Kong's `components/prereqs.html` builds from a page's front matter (`products`,
/// `works_on`, `tools`, `prereqs.entities`, `kubernetes`, `cloud`, `operator`, and the inline items), in its
/// order, each with the topology its wrapper gives it; and the `prereqs` value Kong's `Prereqs` drop gives
/// the include templates.
///
/// Kong's site renders each generated item with one of its own includes (`prereqs/products/konnect.md`,
/// `prereqs/tools/deck.md`, ...): so do we, from the content's `_includes`, when they are there.
struct KongPrerequisites {
    /// One item in the order Kong's template shows them.
    enum Entry {
        /// A `prereqs.inline` item, rendered as our own items are.
        case inline(FrontMatter.InlineItem)
        /// A generated item: the Liquid that includes its template, and the topology it is shown for.
        case generated(liquid: String, topology: Topology?)
    }

    /// The include every Kong prerequisite template renders its item with; a content tree without it gets
    /// only its inline items.
    static let itemTemplate = "how-tos/prereq_cleanup_item.html"

    /// The page's front matter as Liquid values (`page.*`).
    let page: [String: LiquidValue]
    /// The inline items, parsed.
    let inline: [FrontMatter.InlineItem]
    /// Whether an include exists (`prereqs/products/kic.md`).
    let includeExists: (String) -> Bool
    /// `site.data`, for the entity examples.
    let siteData: LiquidValue

    private var prereqs: [String: LiquidValue] {
        if case let .dictionary(values)? = page["prereqs"] { return values }
        return [:]
    }

    private func strings(_ value: LiquidValue?) -> [String] { (value?.elements ?? []).map(\.text) }

    private var products: [String] { strings(page["products"]) }
    private var worksOn: [String] { strings(page["works_on"]) }

    /// `render_works_on?`: `show_works_on` when set, else false past the first page of a series.
    private var rendersWorksOn: Bool {
        if case let .bool(show)? = prereqs["show_works_on"] { return show }
        return (page["series"]?[.string("position")].integer ?? 0) <= 1
    }

    /// `konnect_auth_only?`: a Konnect page that is not about a gateway.
    private var konnectAuthOnly: Bool {
        worksOn.contains("konnect") && rendersWorksOn && !products.contains("gateway") && !products.contains("ai-gateway")
    }

    /// `entities?`: the page names example entities.
    private var hasEntities: Bool { !(prereqs["entities"]?.isEmpty ?? true) }

    /// The product includes Kong lists: not gateway or ai-gateway, and only those with a template.
    private var productIncludes: [String] {
        products.filter { !["gateway", "ai-gateway"].contains($0) && includeExists("prereqs/products/\($0).md") }
    }

    /// The product the entity examples come from (`operator` reads Kubernetes ones, as Kong's drop does).
    private var entitiesProduct: String {
        let product = prereqs["entities_product"]?.text ?? products.first ?? ""
        return product == "operator" ? "kic" : product
    }

    /// The `prereqs` value the templates read: the front matter's keys plus the drop's computed ones.
    var drop: LiquidValue {
        var values = prereqs
        let inlineItems = prereqs["inline"]?.elements ?? []
        values["inline_before"] = .array(inlineItems.filter { $0[.string("position")] == .string("before") })
        values["inline_without_position"] = .array(inlineItems.filter { $0[.string("position")] == .null })
        values["render_works_on?"] = .bool(rendersWorksOn)
        values["konnect_auth_only?"] = .bool(konnectAuthOnly)
        values["entities?"] = .bool(hasEntities)
        values["entities_product"] = .string(entitiesProduct)
        values["products"] = .array(productIncludes.map(LiquidValue.string))
        values["tools"] = page["tools"] ?? .array([])
        values["data"] = entitiesData
        return .dictionary(values)
    }

    /// The entity examples the page names, as Kong's drop gives them: decK YAML text for the gateway, else a mapping.
    private var entitiesData: LiquidValue {
        let product = entitiesProduct
        var entities: [(String, [LiquidValue])] = []
        for pair in prereqs["entities"]?.elements ?? [] {
            let kind = pair[.int(0)].text
            let names = pair[.int(1)].elements.map(\.text)
            entities.append((kind, names.map { siteData[.string("entity_examples")][.string(product)][.string(kind)][.string($0)] }))
        }
        let mapping = Dictionary(entities.map { ($0.0, LiquidValue.array($0.1)) }, uniquingKeysWith: { _, last in last })
        guard product == "gateway" else { return .dictionary(mapping) }
        let pairs = [(Node("_format_version"), Node("3.0", Tag(.str), .doubleQuoted))]
            + mapping.keys.sorted().map { (Node($0), mapping[$0]!.yamlNode) }
        let yaml = (try? Yams.serialize(node: Node(pairs), indent: 2)) ?? ""
        return .string(yaml.trimmingCharacters(in: .newlines))
    }

    /// The items in Kong's order.
    var entries: [Entry] {
        var out: [Entry] = inline.filter { $0.position == "before" }.map(Entry.inline)
        // Kong's template assigns `product` before its includes, and some of them read it.
        func add(_ liquid: String, _ topology: Topology? = nil) {
            out.append(.generated(liquid: "{%- assign product = page.products[0] -%}" + liquid, topology: topology))
        }
        if konnectAuthOnly {
            add("{% include prereqs/products/konnect-auth-only.md tier=include.tier %}", .konnect)
        }
        for pair in prereqs["cloud"]?.elements ?? [] {
            let name = pair[.int(0)].text
            add("{% assign config = prereqs.cloud['\(name)'] %}{% include prereqs/cloud/\(name).md config=config products=prereqs.products %}")
        }
        let kubernetes = prereqs["kubernetes"] ?? .null
        if kubernetes[.string("gateway_api")].isTruthy {
            add("{% include prereqs/kubernetes/gateway-api.md config=prereqs.kubernetes product=page.products[0] %}")
        }
        if kubernetes[.string("prometheus")].isTruthy { add("{% include prereqs/kubernetes/prometheus.md config=prereqs.kubernetes %}") }
        if kubernetes[.string("keycloak")].isTruthy { add("{% include prereqs/kubernetes/keycloak.md config=prereqs.kubernetes.keycloak %}") }
        if prereqs["skip_product"] != .bool(true), !products.isEmpty, rendersWorksOn {
            if products.contains("gateway") || products.contains("ai-gateway") {
                if worksOn.contains("konnect") {
                    add("{% include prereqs/products/konnect.md tier=include.tier env_variables=prereqs.konnect ports=prereqs.ports %}", .konnect)
                }
                if worksOn.contains("on-prem") {
                    add("{% include prereqs/products/gateway.md rbac=page.rbac env_variables=prereqs.gateway %}", .onPrem)
                }
            }
            if products.contains("kic") { add("{% include prereqs/kubernetes/kic-konnect-cp.md prereqs=prereqs %}", .konnect) }
            for product in productIncludes {
                let include = "prereqs/products/\(product).md"
                if !worksOn.isEmpty, product != "operator" {
                    for topology in [Topology.konnect, .onPrem] where worksOn.contains(topology.rawValue) {
                        add("{% include \(include) prereqs=prereqs topology=\"\(topology.rawValue)\" %}", topology)
                    }
                } else {
                    add("{% include \(include) prereqs=prereqs %}")
                }
            }
        }
        if prereqs["skip_tool"] != .bool(true) {
            for tool in strings(page["tools"]) where includeExists("prereqs/tools/\(tool).md") {
                add("{% include prereqs/tools/\(tool).md %}")
            }
        }
        let konnect = prereqs["operator"]?[.string("konnect")] ?? .null
        for (key, include) in [("auth", "konnect_auth"), ("control_plane", "konnect_control_plane"),
                               ("konnectextension", "konnectextension"), ("network", "konnect_network")]
        where konnect[.string(key)].isTruthy {
            add("{% include prereqs/operator/\(include).md config=prereqs.operator.konnect %}", .konnect)
        }
        if hasEntities, includeExists("prereqs/entities/\(entitiesProduct).md") {
            add("{% include prereqs/entities/\(entitiesProduct).md data=prereqs.data %}")
        }
        out += inline.filter { $0.position == nil }.map(Entry.inline)
        return out
    }
}
