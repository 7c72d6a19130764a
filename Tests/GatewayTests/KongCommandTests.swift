import Foundation
import Gateway
import MockVault
import Testing

struct KongCommandTests {
    static let hint = "\n\n  Run with --v (verbose) or --vv (debug) for more details\n"

    @Test func deckApplyThenKongVaultGetPrintsTheSecret() async throws {
        try await withMockVault { server, admin in
            try await admin.putKV2("customer/acme", #"{"name":"ACME Inc."}"#)
            try await withStateDirectory { dir async throws in
                let url = URL(string: server.address)!
                let env = ["HOWTO_STATE_DIR": dir, "DECK_HCV_HOST": "host.docker.internal", "DECK_HCV_TOKEN": server.rootToken]
                let file = """
                    _format_version: "3.0"
                    vaults:
                      - name: hcv
                        prefix: hashicorp-vault
                        config:
                          host: "${{ env "DECK_HCV_HOST" }}"
                          port: \(url.port!)
                          token: "${{ env "DECK_HCV_TOKEN" }}"
                          kv: v2
                    """
                #expect(await deck(["gateway", "apply", "-"], stdin: file, environment: env).0 == 0)
                let (status, output) = await kong(["vault", "get", "{vault://hashicorp-vault/customer/acme/name}"], environment: env)
                #expect(output.stderr == "")
                #expect(status == 0)
                #expect(output.stdout == "ACME Inc.\n")
                let short = await kong(["vault", "get", "--vv", "hashicorp-vault/customer/acme/name"], environment: env)
                #expect(short.1.stdout == "ACME Inc.\n")
            }
        }
    }

    @Test func missingKeyPrintsKongsErrorAndHint() async throws {
        try await withMockVault { server, admin in
            try await admin.putKV2("password", #"{"pass1":"my-password"}"#)
            try await withStateDirectory { dir async throws in
                var config = connection(server.address)
                config["token"] = .string(server.rootToken)
                config["kv"] = "v2"
                try GatewayStateStore(directory: URL(fileURLWithPath: dir))
                    .save(GatewayState(entities: ["vaults": [hcvVault(config)]]))
                let (status, output) = await kong(["vault", "get", "{vault://hashicorp-vault/password/pass2}"],
                                                  environment: ["HOWTO_STATE_DIR": dir])
                #expect(status == 1)
                #expect(output.stdout == "")
                #expect(output.stderr == "Error: could not get value from external vault (could not get subfield value: "
                    + "subfield pass2 not found in JSON secret)" + Self.hint)
            }
        }
    }

    @Test func usageAndUnknownVaultErrors() async throws {
        try await withStateDirectory { dir async throws in
            let env = ["HOWTO_STATE_DIR": dir]
            let (noArg, noArgOutput) = await kong(["vault", "get"], environment: env)
            #expect(noArg == 1)
            #expect(noArgOutput.stderr == "Error: the 'get' command needs a <reference> argument \nkong vault get <reference>" + Self.hint)
            let (unknown, unknownOutput) = await kong(["vault", "get", "{vault://nowhere/a/b}"], environment: env)
            #expect(unknown == 1)
            #expect(unknownOutput.stderr == "Error: could not find vault (nowhere)" + Self.hint)
        }
    }

    @Test func bundledHcvNameUsesKongVaultHcvEnvironment() async throws {
        try await withMockVault { server, admin in
            try await admin.call("POST", "sys/mounts/kv1", #"{"type":"kv","options":{"version":"1"}}"#)
            try await admin.call("PUT", "kv1/headers/request", #"{"header":"x-kong:test"}"#)
            try await withStateDirectory { dir async throws in
                let url = URL(string: server.address)!
                let env = ["HOWTO_STATE_DIR": dir, "KONG_VAULT_HCV_HOST": "127.0.0.1", "KONG_VAULT_HCV_PORT": "\(url.port!)",
                           "KONG_VAULT_HCV_TOKEN": server.rootToken, "KONG_VAULT_HCV_MOUNT": "kv1"]
                let (status, output) = await kong(["vault", "get", "{vault://hcv/headers/request/header}"], environment: env)
                #expect(status == 0, "\(output.stderr)")
                #expect(output.stdout == "x-kong:test\n")
            }
        }
    }
}
