import Liquid

/// Registers the Kong developer-docs tags and blocks, each in its own file under `Blocks/`.
///
/// Blocks expand to markdown (code fences with attribute lists the plan reads) or to placeholders whose
/// HTML the Markdown renderer puts in after cmark, because cmark's safe mode drops raw HTML.
enum KongBlocks {
    /// Every Kong block.
    static let blocks: [any KongBlock.Type] = [
        EntityExamplesBlock.self, EntityExampleBlock.self, ValidationCheckBlock.self, NavtabBlock.self, NavtabsBlock.self,
        KonnectBlock.self, OnPremBlock.self, EnvVariablesBlock.self,
        KonnectAPIRequestBlock.self, ControlPlaneRequestBlock.self, HTTPRequestBlock.self, TableBlock.self, DetailsBlock.self,
        MermaidBlock.self, KonnectCRDBlock.self, HTTPRouteBlock.self, OperatorPodTemplateSpecBlock.self,
    ]

    /// Every Kong tag.
    static let tags: [any KongTag.Type] = [NewInTag.self, IncludeSVGTag.self, RaiseTag.self]

    /// Registers every Kong tag and block in `engine`.
    static func register(in engine: inout LiquidEngine, environment env: RenderEnvironment) {
        for block in blocks { engine.register(block: block.name) { call in try block.render(call, env) } }
        for tag in tags { engine.register(tag: tag.name) { call in try tag.render(call, env) } }
    }
}
