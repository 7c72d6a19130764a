import Liquid

/// The cleanup items Kong's `components/cleanup.html` builds from a page's front matter, in its order: the
/// Kubernetes resources a KIC page's example services created, each `prereqs.cloud` provider's item
/// (`cleanup/cloud/<provider>.md`), then the `cleanup.inline` items.
struct KongCleanup {
    /// The page's front matter as Liquid values (`page.*`).
    let page: [String: LiquidValue]
    /// The `cleanup.inline` items, parsed.
    let inline: [FrontMatter.InlineItem]
    /// Whether an include exists (`cleanup/cloud/aws.md`).
    let includeExists: (String) -> Bool

    /// The items in Kong's order.
    var entries: [KongPrerequisites.Entry] {
        var out: [KongPrerequisites.Entry] = []
        let prereqs = page["prereqs"] ?? .null
        let services = prereqs[.string("entities")][.string("services")].elements
        if page["products"]?[.int(0)] == .string("kic"), !services.isEmpty {
            out.append(.generated(liquid: """
                {% capture details_content %}
                ```bash{% for service in page.prereqs.entities.services %}
                kubectl delete -n kong -f {{ site.links.web }}/manifests/kic/{{ service }}.yaml
                {%- endfor %}
                ```
                {% endcapture %}{% include \(KongPrerequisites.itemTemplate) summary="Delete created Kubernetes resources" details_content=details_content icon_url='/assets/icons/widgets.svg' %}
                """, topology: nil))
        }
        for pair in prereqs[.string("cloud")].elements {
            let name = pair[.int(0)].text
            guard includeExists("cleanup/cloud/\(name).md") else { continue }
            out.append(.generated(liquid: "{% assign config = prereqs.cloud['\(name)'] %}{% include cleanup/cloud/\(name).md config=config %}", topology: nil))
        }
        return out + inline.map(KongPrerequisites.Entry.inline)
    }
}
