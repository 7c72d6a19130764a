import Liquid

/// A Kong Liquid tag, `{% name arguments %}`: one file per tag, as Kong keeps one plugin file per tag in
/// `app/_plugins/tags/`; `KongBlocks.register` lists them all.
protocol KongTag: SendableMetatype {
    /// The tag's name.
    static var name: String { get }
    /// The markdown (or placeholder) the tag expands to.
    static func render(_ call: LiquidTagCall, _ env: RenderEnvironment) throws -> String
}
