import Gateway
import Testing

struct DeckTemplateTests {
    @Test func substitutesDeckVariablesWithoutEscaping() throws {
        let text = "host: \"${{ env \"DECK_HCV_HOST\" }}\"\nurl: https://${{ env \"DECK_DOMAIN\" }}/oauth/token\n"
        let rendered = try DeckTemplate.render(text, environment: ["DECK_HCV_HOST": "a\"<b", "DECK_DOMAIN": "localhost:9"])
        #expect(rendered == "host: \"a\"<b\"\nurl: https://localhost:9/oauth/token\n")
    }

    @Test func missingVariableGivesGoTemplateErrorWithPosition() {
        let text = "\n_format_version: \"3.0\"\nvaults:\n  - config:\n      host: \"${{ env \"DECK_HCV_HOST\" }}\"\n"
        #expect(throws: DeckTemplate.RenderError(message:
            "template: state:5:17: executing \"state\" at <env \"DECK_HCV_HOST\">: error calling env: "
            + "environment variable 'DECK_HCV_HOST' present in state file but not set")) {
            try DeckTemplate.render(text, environment: [:])
        }
    }

    @Test func onlyDeckPrefixedVariablesAreReadable() {
        #expect(throws: DeckTemplate.RenderError(message:
            "template: state:1:10: executing \"state\" at <env \"HOME\">: error calling env: "
            + "environment variables in the state file must be prefixed with 'DECK_', found: 'HOME'")) {
            try DeckTemplate.render("home: ${{ env \"HOME\" }}", environment: ["HOME": "/root"])
        }
    }

    @Test func unknownFunctionAndUnclosedActionFail() {
        #expect(throws: DeckTemplate.RenderError(message: "template: state:2: function \"exec\" not defined")) {
            try DeckTemplate.render("a: 1\nb: ${{ exec \"x\" }}", environment: [:])
        }
        #expect(throws: DeckTemplate.RenderError(message: "template: state:1: unclosed action")) {
            try DeckTemplate.render("a: ${{ env \"DECK_A\"", environment: ["DECK_A": "x"])
        }
    }
}
