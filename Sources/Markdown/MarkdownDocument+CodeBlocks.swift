extension MarkdownDocument {
    /// Every code block in document order with its section headings (what a step plan needs).
    public var codeBlocks: [SectionedCodeBlock] {
        var out: [SectionedCodeBlock] = []
        var section: Heading?
        var subsection: Heading?
        for block in allBlocks {
            switch block {
            case .heading(let heading) where heading.level <= 2:
                section = heading.level == 2 ? heading : nil
                subsection = nil
            case .heading(let heading) where heading.level == 3:
                subsection = heading
            case .code(let code):
                out.append(SectionedCodeBlock(code: code, section: section, subsection: subsection))
            default:
                break
            }
        }
        return out
    }
}
