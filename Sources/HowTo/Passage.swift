public import Diagnostics
public import Markdown

/// A block of a how-to in reading order, Kong blocks resolved for one topology: what a reader other
/// than the site (the terminal walkthrough) shows.
public indirect enum Passage: Sendable, Hashable {
    /// A heading (level 2 opens a step section).
    case heading(level: Int, text: String)
    /// A paragraph's styled runs.
    case paragraph([InlineSpan])
    /// A code block; `location` equals the step's location when the block is a step.
    case code(language: String?, text: String, location: SourceLocation)
    /// A block quote; `kind` names the callout (`info`, `warning`, `danger`, `tip`), nil for a plain quote.
    case callout(kind: String?, [Passage])
    /// A list, each item's passages.
    case list(ordered: Bool, start: Int, items: [[Passage]])
    /// A table's header and rows, as markdown text.
    case table(header: [String], rows: [[String]])
    /// A set of tabs: the passages that follow are the first tab's (the one the plan runs); the others are named.
    case tabs(shown: String, others: [String])
}
