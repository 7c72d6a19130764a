import Foundation
import Testing
import Yams
@testable import MockVault
import GoValues

/// One differential probe of `probes.yaml`: requests run in order against one server (see the file's header).
struct Probe: Sendable, CustomTestStringConvertible {
    /// One step: an HTTP request, a JWT to sign, or a pause.
    enum Step: Sendable {
        case request(Request)
        case jwt(save: String, claims: JSONValue)
        case sleep(Double)
        /// Creates (or with `delete`, deletes) a service account in the embedded Kubernetes API.
        case kubernetesAccount(namespace: String, name: String, delete: Bool)
        /// A service-account token from the embedded Kubernetes API.
        case kubernetesToken(save: String, namespace: String, name: String, audiences: [String])
    }

    /// What of an answer must agree between the servers.
    enum Comparison: Sendable, Equatable {
        case status
        case errors
        case body
        case pointers([String])
    }

    struct Request: Sendable {
        var method: String
        var path: String
        var token: String
        var body: JSONValue?
        var headers: [String: String]
        var save: [(name: String, pointer: String)]
        var compare: Comparison
    }

    let name: String
    let group: String
    let steps: [Step]
    /// Why the mock answers differently on purpose, when it does.
    let expectedDifference: String?
    var testDescription: String { name }

    /// A probe table entry that does not follow the format.
    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    /// The probes of `Differential/probes.yaml`, in file order.
    static func table() throws -> [Probe] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("probes.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        guard let entries = try Yams.load(yaml: text) as? [Any] else { throw FormatError(description: "probes.yaml: a list of probes") }
        return try entries.map(probe)
    }

    private static func probe(_ any: Any) throws -> Probe {
        guard let entry = any as? [String: Any], let name = entry["name"] as? String,
              let steps = entry["steps"] as? [Any] else {
            throw FormatError(description: "probes.yaml: every probe needs `name` and `steps`: \(any)")
        }
        return Probe(name: name, group: entry["group"] as? String ?? "", steps: try steps.map { try step($0, in: name) },
                     expectedDifference: entry["expected_difference"] as? String)
    }

    private static func step(_ any: Any, in probe: String) throws -> Step {
        guard let step = any as? [String: Any] else { throw FormatError(description: "\(probe): a step is a mapping") }
        if let seconds = step["sleep"] { return .sleep((seconds as? Double) ?? Double(seconds as? Int ?? 0)) }
        for key in ["k8s_account", "k8s_delete"] {
            if let account = step[key] as? [String: Any], let namespace = account["namespace"] as? String, let name = account["name"] as? String {
                return .kubernetesAccount(namespace: namespace, name: name, delete: key == "k8s_delete")
            }
        }
        if let token = step["k8s_token"] as? [String: Any], let save = token["save"] as? String,
           let namespace = token["namespace"] as? String, let name = token["name"] as? String {
            return .kubernetesToken(save: save, namespace: namespace, name: name, audiences: (token["audiences"] as? [Any] ?? []).map { "\($0)" })
        }
        if let jwt = step["jwt"] as? [String: Any], let save = jwt["save"] as? String {
            return .jwt(save: save, claims: json(jwt["claims"] ?? [String: Any]()))
        }
        guard let line = step["request"] as? String, let space = line.firstIndex(of: " ") else {
            throw FormatError(description: "\(probe): a step needs `request: METHOD /path`, `jwt:` or `sleep:`")
        }
        let save = (step["save"] as? [String: Any] ?? [:]).compactMap { key, value in (value as? String).map { (key, $0) } }
            .sorted { $0.0 < $1.0 }
        let compare: Comparison
        switch step["compare"] {
        case nil: compare = .errors
        case let pointers as [Any]: compare = .pointers(pointers.map { "\($0)" })
        case let word as String where ["status", "errors", "body"].contains(word):
            compare = word == "status" ? .status : word == "body" ? .body : .errors
        case let other?: throw FormatError(description: "\(probe): compare is status, errors, body or a list of pointers, not \(other)")
        }
        return .request(Request(
            method: String(line[..<space]), path: String(line[line.index(after: space)...]),
            token: step["token"].map { "\($0)" } ?? "root", body: step["body"].map(json),
            headers: (step["headers"] as? [String: Any] ?? [:]).mapValues { "\($0)" },
            save: save.map { (name: $0.0, pointer: $0.1) }, compare: compare))
    }

    /// The YAML value as JSON (mappings keep sorted keys; YAML gives no order through `load`).
    static func json(_ any: Any) -> JSONValue {
        switch any {
        case let value as Bool: return .bool(value)
        case let value as Int: return .int(value)
        case let value as Double: return .double(value)
        case let value as String: return .string(value)
        case let value as [Any]: return .array(value.map(json))
        case let value as [String: Any]: return .sorted(value.mapValues(json))
        default: return .null
        }
    }
}
