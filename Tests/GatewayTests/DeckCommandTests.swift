import Foundation
import Gateway
import Testing

struct DeckCommandTests {
    static let tutorialFile = """

        _format_version: "3.0"
        vaults:
          - name: hcv
            prefix: hashicorp-vault
            description: Storing secrets in HashiCorp Vault
            config:
              host: "${{ env "DECK_HCV_HOST" }}"
              token: "${{ env "DECK_HCV_TOKEN" }}"
              kv: v2
              mount: secret
              port: 8200
              protocol: http
              auth_method: oauth2
              oauth2_role_name: demo
              oauth2_token_endpoint: https://${{ env "DECK_DOMAIN" }}/oauth/token
              oauth2_client_id: "${{ env "DECK_CLIENT_ID" }}"
              oauth2_client_secret: "${{ env "DECK_CLIENT_SECRET" }}"
              oauth2_audiences: https://${{ env "DECK_DOMAIN" }}/api/v2/

        """

    static let deckEnvironment = ["DECK_HCV_HOST": "host.docker.internal", "DECK_HCV_TOKEN": "root",
                                  "DECK_DOMAIN": "localhost:8443", "DECK_CLIENT_ID": "cid", "DECK_CLIENT_SECRET": "csecret"]

    @Test func applyStoresTheTutorialVaultWithTemplatedValues() async throws {
        try await withStateDirectory { dir async throws in
            let env = Self.deckEnvironment.merging(["HOWTO_STATE_DIR": dir]) { $1 }
            let (status, output) = await deck(["gateway", "apply", "-"], stdin: Self.tutorialFile, environment: env)
            #expect(status == 0, "\(output.stderr)")
            #expect(output.stdout == "creating vault hashicorp-vault\nSummary:\n  Created: 1\n  Updated: 0\n  Deleted: 0\n")
            let state = try GatewayStateStore(environment: env).load()
            let config = state.vault(prefix: "hashicorp-vault")?["config"]
            #expect(config?["oauth2_token_endpoint"] == "https://localhost:8443/oauth/token")
            #expect(config?["oauth2_client_secret"] == "csecret")
            #expect(config?["port"] == .int(8200))
        }
    }

    @Test func missingDeckVariableFailsWithDecksError() async throws {
        try await withStateDirectory { dir async throws in
            var env = Self.deckEnvironment.merging(["HOWTO_STATE_DIR": dir]) { $1 }
            env["DECK_CLIENT_SECRET"] = nil
            let (status, output) = await deck(["gateway", "apply", "-"], stdin: Self.tutorialFile, environment: env)
            #expect(status == 1)
            #expect(output.stdout.isEmpty)
            #expect(output.stderr == """
                Error: 1 errors occurred:
                \treading file STDIN: parsing file: template: state:18:33: executing "state" at <env "DECK_CLIENT_SECRET">: \
                error calling env: environment variable 'DECK_CLIENT_SECRET' present in state file but not set


                """)
            #expect(try GatewayStateStore(environment: env).load() == GatewayState())
        }
    }

    @Test func fieldNewerThanTheEmulatedVersionIsRejected() async throws {
        try await withStateDirectory { dir async throws in
            let env = Self.deckEnvironment.merging(["HOWTO_STATE_DIR": dir]) { $1 }
            let (status, output) = await deck(["gateway", "apply", "--gateway-version", "3.12", "-"],
                                              stdin: Self.tutorialFile, environment: env)
            #expect(status == 1)
            #expect(output.stderr.hasPrefix("""
                Error: 1 errors occurred:
                \tcreate vault hashicorp-vault failed: HTTP status 400 (message: "6 schema violations (\
                config.auth_method: expected one of: token, kubernetes, approle, cert; \
                config.oauth2_audiences: unknown field;
                """))
            #expect(output.stdout.contains("Created: 0"))
            #expect(try GatewayStateStore(environment: env).load().vaults.isEmpty)
            let viaEnv = await deck(["gateway", "validate", "-"], stdin: Self.tutorialFile,
                                    environment: env.merging(["HOWTO_GATEWAY_VERSION": "3.12"]) { $1 })
            #expect(viaEnv.0 == 1)
            #expect(viaEnv.1.stderr.contains("config.oauth2_role_name: unknown field"))
        }
    }

    @Test func formatVersionIsRequired() async throws {
        try await withStateDirectory { dir async throws in
            let (status, output) = await deck(["gateway", "apply", "-"], stdin: "vaults: []\n",
                                              environment: ["HOWTO_STATE_DIR": dir])
            #expect(status == 1)
            #expect(output.stderr.hasPrefix("Error: cannot apply '1.1' config format version to Kong version 3.0 or above.\n"))
        }
    }

    @Test func applySyncDumpResetRoundTrip() async throws {
        try await withStateDirectory { dir async throws in
            let env = ["HOWTO_STATE_DIR": dir]
            let first = """
                _format_version: "3.0"
                vaults:
                  - name: hcv
                    prefix: one
                    config: {token: a, port: 8200}
                services:
                  - name: svc
                    url: http://example.test
                """
            #expect(await deck(["gateway", "apply", "-"], stdin: first, environment: env).0 == 0)
            let second = """
                _format_version: "3.0"
                vaults:
                  - name: hcv
                    prefix: one
                    config: {token: b, port: 8200}
                  - name: hcv
                    prefix: two
                    config: {token: c}
                """
            let (applied, applyOutput) = await deck(["gateway", "apply", "-"], stdin: second, environment: env)
            #expect(applied == 0)
            #expect(applyOutput.stdout == "updating vault one\ncreating vault two\nSummary:\n  Created: 1\n  Updated: 1\n  Deleted: 0\n")
            #expect(try GatewayStateStore(environment: env).load().entities["services"]?.count == 1)

            let (synced, syncOutput) = await deck(["gateway", "sync", "-"], stdin: second, environment: env)
            #expect(synced == 0)
            #expect(syncOutput.stdout == "deleting service svc\nSummary:\n  Created: 0\n  Updated: 0\n  Deleted: 1\n")

            let (dumped, dumpOutput) = await deck(["gateway", "dump"], environment: env)
            #expect(dumped == 0)
            #expect(dumpOutput.stdout == """
                _format_version: "3.0"
                vaults:
                - name: hcv
                  prefix: one
                  config:
                    port: 8200
                    token: b
                - name: hcv
                  prefix: two
                  config:
                    token: c

                """)
            // The dump is a valid decK file that syncs back to the same state with no changes.
            let (resynced, resyncOutput) = await deck(["gateway", "sync", "-"], stdin: dumpOutput.stdout, environment: env)
            #expect(resynced == 0)
            #expect(resyncOutput.stdout == "Summary:\n  Created: 0\n  Updated: 0\n  Deleted: 0\n")

            let (reset, resetOutput) = await deck(["gateway", "reset", "--force"], environment: env)
            #expect(reset == 0)
            #expect(resetOutput.stdout == "deleting vault one\ndeleting vault two\nSummary:\n  Created: 0\n  Updated: 0\n  Deleted: 2\n")
            #expect(try GatewayStateStore(environment: env).load() == GatewayState())
        }
    }

    @Test func unknownFlagsAndCommandsFail() async throws {
        try await withStateDirectory { dir async throws in
            let (status, output) = await deck(["gateway", "apply", "--frobnicate", "-"], environment: ["HOWTO_STATE_DIR": dir])
            #expect(status == 1)
            #expect(output.stderr == "Error: unknown flag: --frobnicate\n")
            #expect(await deck(["gateway", "explode"], environment: ["HOWTO_STATE_DIR": dir]).0 == 1)
        }
    }
}
