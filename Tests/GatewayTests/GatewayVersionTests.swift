import Gateway
import Testing

struct GatewayVersionTests {
    @Test func parsesAndOrdersReleases() {
        #expect(GatewayVersion("3.13") == GatewayVersion(3, 13))
        #expect(GatewayVersion("3.4.2") == GatewayVersion(3, 4))
        #expect(GatewayVersion("3") == nil)
        #expect(GatewayVersion("3.x") == nil)
        #expect(GatewayVersion(3, 4) < GatewayVersion(3, 13))
        #expect(GatewayVersion(3, 13).description == "3.13")
    }

    @Test func invalidGatewayVersionFlagIsAnError() async throws {
        try await withStateDirectory { dir async throws in
            let (status, output) = await deck(["gateway", "validate", "--gateway-version", "three", "-"],
                                              environment: ["HOWTO_STATE_DIR": dir])
            #expect(status == 1)
            #expect(output.stderr == "Error: invalid gateway version 'three': expected X.Y\n")
        }
    }
}
