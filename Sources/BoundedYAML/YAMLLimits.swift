/// How much one YAML document may hold before it is refused: input size, nodes added by aliases,
/// and nesting depth (counting what aliases bring in).
///
/// Aliases let a few hundred bytes stand for billions of nodes ("billion laughs"); every walk of the
/// composed tree (typing, Liquid values, decK dumps) would expand them. The bounds are far above what
/// real content uses (Kong's docs merge a few small mappings with `<<: *name`).
public struct YAMLLimits: Sendable, Hashable {
    /// The most bytes of YAML text.
    public var maxBytes: Int
    /// The most nodes that aliases may bring in, summed over every alias of the document.
    public var maxAliasedNodes: Int
    /// The deepest nesting of sequences and mappings, aliases expanded.
    public var maxDepth: Int

    /// Creates limits.
    public init(maxBytes: Int, maxAliasedNodes: Int, maxDepth: Int) {
        self.maxBytes = maxBytes
        self.maxAliasedNodes = maxAliasedNodes
        self.maxDepth = maxDepth
    }

    /// 8 MiB, 100 000 aliased nodes, 200 levels.
    public static let `default` = YAMLLimits(maxBytes: 8 << 20, maxAliasedNodes: 100_000, maxDepth: 200)
}
