import WebText

extension HTMLEscaping {
    /// ` class="..." id="..." key="value"` for the attributes an element shows, classes first.
    static func attributes(_ attributes: Attributes, extraClasses: [String] = [], options: MarkdownOptions) -> String {
        var out = ""
        let classes = extraClasses + attributes.classes.filter { !extraClasses.contains($0) }
        if !classes.isEmpty { out += " class=\"\(escape(classes.joined(separator: " ")))\"" }
        if let id = attributes.id { out += " id=\"\(escape(id))\"" }
        for (key, value) in attributes.pairs where options.rendersAttribute(key) {
            out += " \(escape(key))=\"\(escape(value))\""
        }
        return out
    }
}
