import Testing
@testable import Diagnostics

/// "Did you mean" picks a known name only when a typo explains the difference.
@Suite struct SuggestionTests {
    static let keys = ["breadcrumbs", "related_resources", "min_version", "works_on", "tags", "tools", "tldr"]

    @Test(arguments: [
        ("bread-crumbs", "breadcrumbs"), ("related-resources", "related_resources"), ("min_verison", "min_version"),
        ("Works_On", "works_on"), ("tag", "tags"), ("tols", "tools"),
    ])
    func aTypoFindsItsKey(_ typo: String, _ key: String) {
        #expect(Suggestion.closest(to: typo, in: Self.keys) == key)
        #expect(Suggestion.hint(for: typo, in: Self.keys) == " (did you mean `\(key)`?)")
    }

    @Test(arguments: ["colour", "xy", "description", "ta"])
    func aDifferentWordFindsNothing(_ word: String) {
        #expect(Suggestion.closest(to: word, in: Self.keys) == nil)
        #expect(Suggestion.hint(for: word, in: Self.keys).isEmpty)
    }

    @Test func theNearestOfTwoWins() {
        #expect(Suggestion.closest(to: "toolz", in: ["tools", "tool_s"]) == "tools")
    }
}
