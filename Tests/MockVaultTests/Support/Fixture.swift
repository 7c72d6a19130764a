import Foundation
@testable import MockVault
import GoValues

/// One captured exchange file from `shared/fixtures/vault/`.
struct Fixture: Sendable {
    struct Exchange: Sendable {
        var method: String
        var path: String
        var headers: [(String, String)]
        var body: JSONValue?
        var contentLength: Int
        var status: Int
        var responseHeaders: [(String, String)]
        var responseBody: JSONValue?

        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
        func responseHeader(_ name: String) -> String? {
            responseHeaders.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    var name: String
    var description: String
    var exchanges: [Exchange]
    var date: Date

    /// The fixtures directory: `$HOWTO_VAULT_FIXTURES` or `shared/fixtures/vault` next to the checkout.
    static var directory: String {
        if let env = ProcessInfo.processInfo.environment["HOWTO_VAULT_FIXTURES"] { return env }
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/fixtures/vault").path
    }

    static func loadAll() throws -> [Fixture] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { try load(String($0.dropLast(5))) }
    }

    static func load(_ name: String) throws -> Fixture {
        let text = try String(contentsOfFile: directory + "/" + name + ".json", encoding: .utf8)
        let json = try JSONValue.parse(text)
        let exchanges = (json["exchanges"]?.arrayValue ?? []).map { item -> Exchange in
            let request = item["request"] ?? .null
            let response = item["response"] ?? .null
            func pairs(_ value: JSONValue?) -> [(String, String)] {
                (value?.objectValue ?? []).map { ($0.0, $0.1.stringValue ?? "") }
            }
            let headers = pairs(request["headers"])
            return Exchange(
                method: request["method"]?.stringValue ?? "GET", path: request["path"]?.stringValue ?? "/",
                headers: headers, body: request["body"],
                contentLength: Int(headers.first { $0.0.lowercased() == "content-length" }?.1 ?? "") ?? 0,
                status: {
                    if let i = response["status"]?.intValue { return i }
                    return 0
                }(),
                responseHeaders: pairs(response["headers"]), responseBody: response["body"])
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        let date = exchanges.first?.responseHeader("Date").flatMap { formatter.date(from: $0) } ?? Date()
        return Fixture(name: name, description: json["description"]?.stringValue ?? "", exchanges: exchanges, date: date)
    }
}
