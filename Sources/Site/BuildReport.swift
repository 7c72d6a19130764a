public import Diagnostics

/// What a site build did: pages written, how long it took, and the warnings it collected.
public struct BuildReport: Sendable {
    /// How many HTML pages were written (how-tos, indexes and tag pages).
    public var pagesWritten: Int
    /// How many of those pages are how-tos.
    public var howToCount: Int
    /// Wall-clock time of the build.
    public var duration: Duration
    /// Warnings (and notes) found while loading content; errors abort the build instead.
    public var diagnostics: [Diagnostic]

    /// Creates a report.
    public init(pagesWritten: Int, howToCount: Int, duration: Duration, diagnostics: [Diagnostic]) {
        self.pagesWritten = pagesWritten
        self.howToCount = howToCount
        self.duration = duration
        self.diagnostics = diagnostics
    }
}
