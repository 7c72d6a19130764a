/// A kramdown-style attribute list: classes, an id and ordered key/value pairs.
public struct Attributes: Sendable, Hashable {
    /// Class names in the order written (`.info`, `class="a b"`).
    public var classes: [String]
    /// The element id (`#id` or `id="..."`), if any.
    public var id: String?
    /// Keys of `pairs`, in the order first written.
    public private(set) var keys: [String]
    /// Values by key.
    public private(set) var values: [String: String]

    /// Creates an attribute list.
    public init(classes: [String] = [], id: String? = nil, pairs: [(String, String)] = []) {
        self.classes = classes
        self.id = id
        keys = []
        values = [:]
        for (key, value) in pairs { self[key] = value }
    }

    /// Whether there are no classes, no id and no pairs.
    public var isEmpty: Bool { classes.isEmpty && id == nil && keys.isEmpty }

    /// The key/value pairs in the order first written.
    public var pairs: [(key: String, value: String)] { keys.map { ($0, values[$0] ?? "") } }

    /// The value of a key; setting `nil` removes it. A key keeps its first position.
    public subscript(key: String) -> String? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Whether a class is present.
    public func hasClass(_ name: String) -> Bool { classes.contains(name) }

    /// Adds a class unless present.
    public mutating func addClass(_ name: String) {
        if !classes.contains(name) { classes.append(name) }
    }

    /// These attributes overlaid by `other`: its id and values win, classes are united.
    public func merging(_ other: Attributes) -> Attributes {
        var merged = self
        for name in other.classes { merged.addClass(name) }
        if let id = other.id { merged.id = id }
        for (key, value) in other.pairs { merged[key] = value }
        return merged
    }
}
