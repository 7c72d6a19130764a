@testable import MockVault
import GoValues

/// Compares an expected (captured) JSON body with an actual one, ignoring values that differ run to run.
enum MaskedComparison {
    /// Keys whose values are ids, timestamps, tokens, nonces or keys: only their kind and emptiness must match.
    static let masked: Set<String> = [
        "request_id", "accessor", "client_token", "entity_id", "created_time", "deletion_time", "creation_time",
        "issue_time", "expire_time", "updated_time", "modified", "id", "token", "wrapped_accessor", "secret_id",
        "secret_id_accessor", "role_id", "nonce", "server_time_utc", "cluster_id", "cluster_name", "uuid",
        "root_token", "authority_key_id", "serial_number", "subject_key_id", "certificate", "jwt_validation_pubkeys",
        "kubernetes_ca_cert", "active_time", "service_account_uid",
    ]

    /// Differences as `path: expected X, got Y` lines (empty when equal).
    static func differences(expected: JSONValue?, actual: JSONValue?, extraMasked: Set<String> = [], path: String = "$") -> [String] {
        switch (expected, actual) {
        case (nil, nil): return []
        case let (e?, a?): return compare(e, a, masked: masked.union(extraMasked), path: path)
        default: return ["\(path): expected \(expected?.goJSON() ?? "no body"), got \(actual?.goJSON() ?? "no body")"]
        }
    }

    private static func compare(_ e: JSONValue, _ a: JSONValue, masked: Set<String>, path: String) -> [String] {
        switch (e, a) {
        case let (.object(em), .object(am)):
            var out: [String] = []
            let ad = Dictionary(am, uniquingKeysWith: { x, _ in x })
            let ed = Dictionary(em, uniquingKeysWith: { x, _ in x })
            for (key, ev) in em {
                let p = path + "." + key
                guard let av = ad[key] else { out.append("\(p): missing (expected \(ev.goJSON()))"); continue }
                if masked.contains(key) {
                    if !sameShape(ev, av) { out.append("\(p): expected something like \(ev.goJSON()), got \(av.goJSON())") }
                } else if key == "ttl", let x = ev.intValue, let y = av.intValue {
                    if abs(x - y) > 2 { out.append("\(p): expected \(x), got \(y)") }
                } else {
                    out += compare(ev, av, masked: masked, path: p)
                }
            }
            for (key, av) in am where ed[key] == nil { out.append("\(path).\(key): unexpected \(av.goJSON())") }
            return out
        case let (.array(ea), .array(aa)):
            guard ea.count == aa.count else { return ["\(path): expected \(e.goJSON()), got \(a.goJSON())"] }
            return zip(ea, aa).enumerated().flatMap { i, pair in compare(pair.0, pair.1, masked: masked, path: "\(path)[\(i)]") }
        default:
            return e == a ? [] : ["\(path): expected \(e.goJSON()), got \(a.goJSON())"]
        }
    }

    private static func sameShape(_ e: JSONValue, _ a: JSONValue) -> Bool {
        switch (e, a) {
        case let (.string(x), .string(y)): return x.isEmpty == y.isEmpty
        case (.number, .number), (.null, .null), (.bool, .bool): return true
        case let (.array(x), .array(y)): return x.count == y.count
        case (.object, .object): return true
        default: return false
        }
    }
}
