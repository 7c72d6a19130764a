import Markdown
import Testing

@Suite struct SluggerTests {
    @Test func slugsKeepLettersDigitsAndSingleDashes() {
        #expect(Slugger.slug("Configure  HashiCorp Vault (OAuth2)!") == "configure-hashicorp-vault-oauth2")
        #expect(Slugger.slug("Étape 2 -- fin_de") == "étape-2-fin_de")
        #expect(Slugger.slug("???") == "section")
    }

    @Test func deduplicatesAndAvoidsReservedIds() {
        var slugger = Slugger()
        slugger.reserve("x-1")
        #expect(slugger.id(for: "X") == "x")
        #expect(slugger.id(for: "x") == "x-2")
        #expect(slugger.id(for: "x") == "x-3")
    }
}
