import Foundation
import Liquid
import Yams

/// A Kong Liquid block, `{% name %}YAML or markdown{% endname %}`: one file per block, as Kong keeps one
/// plugin file per block in `app/_plugins/blocks/`; `KongBlocks.register` lists them all.
protocol KongBlock: SendableMetatype {
    /// The block's tag name.
    static var name: String { get }
    /// The markdown (or placeholder) the block expands to.
    static func render(_ call: LiquidBlockCall, _ env: RenderEnvironment) throws -> String
}
