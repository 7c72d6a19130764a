import Foundation
import Testing
@testable import MockVault
import GoValues

/// Seal, unseal and init through the API.
@Suite("Seal and unseal")
struct SealTests {
    static let sealedBody = "{\"errors\":[\"Vault is sealed\"]}\n"

    @Test("a sealed vault answers 503 to everything but health, seal-status, leader and unseal")
    func sealedRefusesEverything() async throws {
        try await withMockVault { server, http in
            _ = try await http.send("PUT", "/v1/secret/data/password", token: "root", body: #"{"data":{"pass1":"p"}}"#)
            #expect(try await http.send("PUT", "/v1/sys/seal").text == "{\"errors\":[\"permission denied\"]}\n")
            #expect(try await http.send("PUT", "/v1/sys/seal", token: "root").status == 204)
            for (method, path, token) in [("GET", "/v1/secret/data/password", "root"), ("GET", "/v1/secret/data/password", ""),
                                          ("GET", "/v1/sys/mounts", "root"), ("GET", "/v1/auth/token/lookup-self", "root"),
                                          ("POST", "/v1/auth/jwt/login", ""), ("POST", "/v1/sys/wrapping/unwrap", "s.x"),
                                          ("GET", "/v1/sys/internal/ui/mounts/secret", "root")] {
                let answer = try await http.send(method, path, token: token.isEmpty ? nil : token)
                #expect(answer.status == 503, "\(method) \(path)")
                #expect(answer.text == Self.sealedBody)
                #expect(answer.header("Content-Type") == "application/json")
                #expect(answer.header("Cache-Control") == "no-store")
            }
            let health = try await http.send("GET", "/v1/sys/health")
            #expect(health.status == 503)
            #expect(health.json?["sealed"] == .bool(true))
            #expect(try await http.send("GET", "/v1/sys/health?sealedcode=200").status == 200)
            let status = try await http.send("GET", "/v1/sys/seal-status")
            #expect(status.status == 200)
            #expect(status.json?["sealed"] == .bool(true))
            #expect(try await http.send("GET", "/v1/sys/leader").status == 200)

            let wrong = try await http.send("PUT", "/v1/sys/unseal", body: #"{"key":"VACeuAaXhm2lE5CjocNsiHxfRVrZ3vDQm9yUA5vWwQ4="}"#)
            #expect(wrong.status == 400)
            let unseal = try await http.send("PUT", "/v1/sys/unseal",
                                             json: .object([("key", .string(try #require(server.unsealKey)))]))
            #expect(unseal.status == 200)
            #expect(unseal.json?["sealed"] == .bool(false))
            let read = try await http.send("GET", "/v1/secret/data/password", token: "root")
            #expect(read.json?["data"]?["data"]?["pass1"] == .string("p"))
        }
    }

    @Test("an uninitialised server initialises with shares and unseals after the threshold")
    func initAndThreshold() async throws {
        try await withMockVault(MockVaultConfiguration(devMode: false, trustedCAFile: nil)) { _, http in
            #expect(try await http.send("GET", "/v1/sys/health").status == 501)
            #expect(try await http.send("GET", "/v1/sys/init").json == .object([("initialized", .bool(false))]))
            let initialised = try await http.send("PUT", "/v1/sys/init", body: #"{"secret_shares":3,"secret_threshold":2}"#)
            let keys = (initialised.json?["keys_base64"]?.arrayValue ?? []).compactMap { $0.stringValue }
            let root = try #require(initialised.json?["root_token"]?.stringValue)
            #expect(keys.count == 3)
            #expect(try await http.send("PUT", "/v1/sys/init", body: #"{"secret_shares":1,"secret_threshold":1}"#).text
                == "{\"errors\":[\"Vault is already initialized\"]}\n")
            let first = try await http.send("PUT", "/v1/sys/unseal", json: .object([("key", .string(keys[0]))]))
            #expect(first.json?["progress"] == .int(1))
            #expect(first.json?["sealed"] == .bool(true))
            #expect(try await http.send("GET", "/v1/auth/token/lookup-self", token: root).status == 503)
            let second = try await http.send("PUT", "/v1/sys/unseal", json: .object([("key", .string(keys[2]))]))
            #expect(second.json?["sealed"] == .bool(false))
            #expect(try await http.send("GET", "/v1/auth/token/lookup-self", token: root).status == 200)
            #expect(try await http.send("GET", "/v1/secret/data/x", token: root).status == 404, "no secret/ mount outside dev mode")
        }
    }
}
