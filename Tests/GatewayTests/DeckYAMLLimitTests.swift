import Foundation
import Gateway
import TestHelpers
import Testing

/// A hostile decK file is an error naming its line, quickly, like decK's own "excessive aliasing".
struct DeckYAMLLimitTests {
    @Test func aliasBombIsRefusedAtItsLine() async throws {
        try await withStateDirectory { dir async throws in
            let start = ContinuousClock.now
            let file = "_format_version: \"3.0\"\n" + HostileYAML.aliasBomb()
            let (status, output) = await deck(["gateway", "apply", "-"], stdin: file, environment: ["HOWTO_STATE_DIR": dir])
            #expect(ContinuousClock.now - start < .seconds(1))
            #expect(status != 0)
            #expect(output.stderr.contains("error converting YAML to JSON: yaml: line \(HostileYAML.aliasBombLimitLine + 1), column 10: YAML aliases here expand"), "\(output.stderr)")
        }
    }
}
