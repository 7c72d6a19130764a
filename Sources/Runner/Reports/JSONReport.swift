import Foundation

/// Renders results as JSON: what the run verified against, steps, durations, outputs and variables (secrets
/// already masked).
public enum JSONReport {
    private struct Document: Encodable {
        var tool = "howto"
        var summary: [String: Int]
        var run: RunFacts?
        var tutorials: [TutorialResult]
    }

    /// The JSON document, keys sorted so that two runs diff cleanly.
    public static func render(_ results: [TutorialResult], run: RunFacts? = nil) throws -> String {
        let summary = Dictionary(grouping: results, by: \.verdict.rawValue).mapValues(\.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Document(summary: summary, run: run, tutorials: results)), as: UTF8.self) + "\n"
    }
}
