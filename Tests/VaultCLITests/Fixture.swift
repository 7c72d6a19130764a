import Foundation
@testable import VaultCLI
import GoValues

/// One captured exchange file from `shared/fixtures/vault/` (real `bao` CLI + OpenBao 2.7.2).
struct Fixture {
    struct Exchange {
        let method: String
        let path: String
        let requestBody: JSONValue
        let requestHeaders: JSONValue
        let status: Int
        let responseBody: JSONValue
    }

    let name: String
    let json: JSONValue

    /// The fixtures directory: `$VAULT_FIXTURES`, else `../shared/fixtures/vault` next to the checkout.
    static var directory: URL {
        if let dir = ProcessInfo.processInfo.environment["VAULT_FIXTURES"] { return URL(fileURLWithPath: dir) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/fixtures/vault")
    }

    /// Names of all fixtures that captured a CLI run.
    static func withCLI() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted().compactMap { file in
            let name = String(file.dropLast(5))
            guard let fixture = try? Fixture(name), fixture.json["cli"]?.objectValue != nil else { return nil }
            return name
        }
    }

    init(_ name: String) throws {
        self.name = name
        json = try JSONValue.parse(try Data(contentsOf: Self.directory.appendingPathComponent(name + ".json")))
    }

    var cli: JSONValue { json["cli"] ?? .null }
    var argv: [String] { (cli["argv"]?.arrayValue ?? []).compactMap(\.stringValue) }
    var exitCode: Int32 { Int32(cli["exit_code"]?.intValue ?? -1) }
    var stdout: String { cli["stdout"]?.stringValue ?? "" }
    var stderr: String? { cli["stderr"]?.stringValue }
    var stdin: String? { cli["stdin"]?.stringValue }

    /// The CLI's environment with the `BAO_*` names mapped to `VAULT_*`.
    var environment: [String: String] {
        var env: [String: String] = [:]
        for (key, value) in cli["env"]?.objectValue ?? [] {
            guard let v = value.stringValue else { continue }
            env[key.replacingOccurrences(of: "BAO_", with: "VAULT_")] = v
        }
        return env
    }

    var exchanges: [Exchange] {
        (json["exchanges"]?.arrayValue ?? []).map { e in
            let request = e["request"] ?? .null
            let response = e["response"] ?? .null
            return Exchange(method: request["method"]?.stringValue ?? "", path: request["path"]?.stringValue ?? "",
                            requestBody: request["body"] ?? .null, requestHeaders: request["headers"] ?? .null,
                            status: response["status"]?.intValue ?? 0, responseBody: response["body"] ?? .null)
        }
    }
}
