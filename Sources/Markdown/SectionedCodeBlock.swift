/// A code block with the nearest H2 (section) and H3 (subsection) headings before it.
public struct SectionedCodeBlock: Sendable, Hashable {
    /// The code block.
    public var code: CodeBlock
    /// The nearest preceding level-2 heading.
    public var section: Heading?
    /// The nearest preceding level-3 heading after that H2.
    public var subsection: Heading?

    /// Creates a sectioned code block.
    public init(code: CodeBlock, section: Heading?, subsection: Heading?) {
        self.code = code
        self.section = section
        self.subsection = subsection
    }
}
