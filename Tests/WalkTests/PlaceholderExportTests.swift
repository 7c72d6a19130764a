import Testing
@testable import Walk

@Suite struct PlaceholderExportTests {
    @Test func findsQuotedPlaceholdersAndTellsSecrets() {
        let script = """
            export DECK_DOMAIN='YOUR AUTH0 DOMAIN'
            export DECK_CLIENT_SECRET="YOUR AUTH0 CLIENT SECRET"
            export REGION=<your-region>
            export VAULT_ADDR=http://127.0.0.1:8200
            echo YOUR
            """
        let found = PlaceholderExport.find(in: script)
        #expect(found.map(\.name) == ["DECK_DOMAIN", "DECK_CLIENT_SECRET", "REGION"])
        #expect(found.map(\.secret) == [false, true, false])
        #expect(found[0].placeholder == "YOUR AUTH0 DOMAIN")
    }

    @Test func fillsOnlyAnsweredPlaceholdersQuotingValues() {
        let script = "export A='YOUR A'\n  export B='YOUR B'\nexport C=plain\n"
        let filled = PlaceholderExport.fill(script, with: ["A": "it's", "B": "b b", "C": "ignored"])
        #expect(filled == "export A='it'\\''s'\n  export B='b b'\nexport C=plain\n")
    }
}
