import Foundation
import Testing
@testable import MockVault

/// Inputs `make fuzz` found crashing the mock Vault, kept as regression tests.
@Suite struct FuzzFindingsTests {
    /// vault-http crash-ae0ab825: a query pair without a key (`?=`, `?==`, `?=x`) trapped on an index out of
    /// range in the query parser, which killed the whole server.
    @Test(arguments: ["=", "==", "=x", "&=&", "a&=", "list=true&="])
    func queryPairsWithoutAKeyAreParsed(_ query: String) {
        let parsed = VaultResponder.parseQuery(query)
        #expect(parsed.keys.contains("") || parsed.isEmpty)
    }

    @Test func queryParsingKeepsKeysAndValues() {
        #expect(VaultResponder.parseQuery("list=true&a=x+y&b&=v") == ["list": "true", "a": "x y", "b": "", "": "v"])
    }

    @Test func theServerAnswersAKeylessQueryAndKeepsServing() async throws {
        try await withMockVault { _, http in
            let odd = try await http.send("GET", "/v1/sys/health?=")
            #expect(odd.status == 200)
            let after = try await http.send("GET", "/v1/sys/health")
            #expect(after.status == 200, "the server is still up")
        }
    }
}
