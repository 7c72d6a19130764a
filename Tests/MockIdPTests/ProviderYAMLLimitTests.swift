import Diagnostics
import Foundation
import TestHelpers
import Testing
@testable import MockIdP

/// A hostile providers file is refused at its line, quickly (the YAML is read through BoundedYAML).
@Suite struct ProviderYAMLLimitTests {
    @Test func aliasBombIsRefusedAtItsLine() throws {
        let start = ContinuousClock.now
        let error = #expect(throws: DiagnosticError.self) {
            try ProviderDeclaration.load(yaml: HostileYAML.aliasBomb(), path: "providers.yml")
        }
        #expect(ContinuousClock.now - start < .milliseconds(500))
        #expect(error?.diagnostics.map(\.description).first?
            .hasPrefix("providers.yml:\(HostileYAML.aliasBombLimitLine):10: error: YAML aliases here expand to more than 100000 nodes") == true)
    }

    @Test func deepNestingIsRefused() throws {
        let error = #expect(throws: DiagnosticError.self) {
            try ProviderDeclaration.load(yaml: "auth0: " + HostileYAML.deepNesting(1_000), path: "providers.yml")
        }
        #expect(error?.diagnostics.first?.message.contains("nests deeper than 200 levels") == true)
    }
}
