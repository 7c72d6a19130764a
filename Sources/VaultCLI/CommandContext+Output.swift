import GoValues
import Foundation

/// The CLI's output helpers (`OutputSecret`, `OutputData`, `OutputList`, `PrintRawField`)
/// for the table, JSON and YAML formats.
extension CommandContext {
    /// `OutputSecret`: the envelope as a Key/Value table or as JSON.
    @discardableResult
    func outputSecret(_ secret: Secret?) -> Int32 {
        guard let secret else { return 0 }
        if format == "json" {
            console.info(secret.goJSONValue.goIndentedJSON())
            return 0
        }
        if format == "yaml" {
            console.info(secret.goJSONValue.goYAML())
            return 0
        }
        printWarnings(secret)
        var rows: [(String, String)] = []
        if secret.leaseDuration > 0 {
            if !secret.leaseID.isEmpty {
                rows.append(("lease_id", secret.leaseID))
                rows.append(("lease_duration", GoDuration.human(seconds: secret.leaseDuration)))
                rows.append(("lease_renewable", String(secret.renewable)))
            } else {
                rows.append(("refresh_interval", GoDuration.human(seconds: secret.leaseDuration)))
            }
        }
        if let auth = secret.auth {
            if let token = auth["client_token"]?.stringValue, !token.isEmpty { rows.append(("token", token)) }
            rows.append(("token_accessor", auth["accessor"]?.stringValue ?? ""))
            let lease = auth["lease_duration"]?.intValue ?? 0
            rows.append(("token_duration", lease == 0 ? "∞" : GoDuration.human(seconds: lease)))
            rows.append(("token_renewable", String(auth["renewable"]?.boolValue ?? false)))
            rows.append(("token_policies", (auth["token_policies"] ?? .null).goQuotedList))
            rows.append(("identity_policies", (auth["identity_policies"] ?? .null).goQuotedList))
            rows.append(("policies", (auth["policies"] ?? .null).goQuotedList))
            for (k, v) in (auth["metadata"]?.objectValue ?? []).sorted(by: { $0.0 < $1.0 }) {
                rows.append(("token_meta_\(k)", v.goDescription))
            }
        }
        if let wrap = secret.wrapInfo {
            rows.append(("wrapping_token:", wrap["token"]?.stringValue ?? ""))
            rows.append(("wrapping_accessor:", wrap["accessor"]?.stringValue ?? ""))
            rows.append(("wrapping_token_ttl:", GoDuration.human(wrap["ttl"] ?? .number("0"))))
            rows.append(("wrapping_token_creation_time:", Self.goTimeString(wrap["creation_time"]?.stringValue ?? "")))
            rows.append(("wrapping_token_creation_path:", wrap["creation_path"]?.stringValue ?? ""))
            if let accessor = wrap["wrapped_accessor"]?.stringValue, !accessor.isEmpty {
                rows.append(("wrapped_accessor:", accessor))
            }
        }
        rows += dataRows(secret.data)
        if !rows.isEmpty { console.info(Columns.keyValue(rows)) }
        return 0
    }

    /// A write's answer: with no body, `Success! Data written to: PATH` (table format only); else the
    /// secret, or its `field`.
    func outputWritten(_ secret: Secret?, path: String, field: String? = nil) -> Int32 {
        guard let secret else {
            if format == "table" { console.info("Success! Data written to: \(path)") }
            return 0
        }
        return outputSecret(secret, field: field)
    }

    /// `-field` when given, else the whole secret.
    func outputSecret(_ secret: Secret, field: String?) -> Int32 {
        if let field { return printRawField(rawField(secret, field), field) }
        return outputSecret(secret)
    }

    /// `OutputData`: a map as a Key/Value table, or any value as JSON.
    func outputData(_ data: JSONValue) {
        if format == "json" {
            console.info(data.sortedKeys().goIndentedJSON())
            return
        }
        if format == "yaml" {
            console.info(data.goYAML())
            return
        }
        let rows = dataRows(data)
        if !rows.isEmpty { console.info(Columns.keyValue(rows)) }
    }

    /// `OutputList`: the `keys` of a list response, sorted, under a `Keys` header.
    func outputList(_ secret: Secret) -> Int32 {
        let keys = secret.data?["keys"] ?? .null
        if format == "json" {
            console.info(keys.goIndentedJSON())
            return 0
        }
        if format == "yaml" {
            console.info(keys.goYAML())
            return 0
        }
        printWarnings(secret)
        let names = (keys.arrayValue ?? []).map(\.goDescription).sorted()
        console.info(Columns.table(["Keys"] + names))
        return 0
    }

    /// `RawField`: a field of the auth block, wrap info or data, as the CLI's `-field` sees it.
    func rawField(_ secret: Secret, _ field: String) -> JSONValue? {
        if let auth = secret.auth {
            switch field {
            case "token": return auth["client_token"]
            case "token_accessor": return auth["accessor"]
            case "token_duration": return auth["lease_duration"]
            case "token_renewable": return auth["renewable"]
            case "token_policies": return auth["token_policies"]
            case "identity_policies": return auth["identity_policies"]
            case "policies": return auth["policies"]
            default: return secret.data?[field]
            }
        }
        if let wrap = secret.wrapInfo {
            switch field {
            case "wrapping_token": return wrap["token"]
            case "wrapping_accessor": return wrap["accessor"]
            case "wrapping_token_ttl": return wrap["ttl"]
            case "wrapping_token_creation_time": return wrap["creation_time"]
            case "wrapping_token_creation_path": return wrap["creation_path"]
            case "wrapped_accessor": return wrap["wrapped_accessor"]
            default: return secret.data?[field]
            }
        }
        if field == "refresh_interval" { return .number(String(secret.leaseDuration)) }
        return secret.data?[field]
    }

    /// `PrintRawField`: one value alone on stdout; exit 1 when the field is absent.
    /// `kind` names what was searched in the error, as `PrintRawField` does: `secret`, or `map` for KV v2 data.
    func printRawField(_ value: JSONValue?, _ field: String, in kind: String = "secret") -> Int32 {
        guard let value, !value.isNull else {
            console.error("Field \"\(field)\" not present in \(kind)")
            return 1
        }
        if format == "yaml" {
            console.info(value.goYAML())
            return 0
        }
        console.raw(format == "json" ? value.sortedKeys().goIndentedJSON() : value.goDescription)
        return 0
    }

    /// `printWarnings`: server warnings on stderr, wrapped as the CLI wraps them.
    func printWarnings(_ secret: Secret) {
        guard let warnings = secret.warnings, !warnings.isEmpty else { return }
        console.error("WARNING! The following warnings were returned from Vault:\n")
        for warning in warnings {
            console.error(TextWrap.wrap("* " + warning, padding: 2))
            console.error("")
        }
    }

    /// Sorted Key/Value rows of a data map; TTL-like keys shown as durations.
    private func dataRows(_ data: JSONValue?) -> [(String, String)] {
        (data?.objectValue ?? []).sorted { $0.0 < $1.0 }.map { key, value in
            (key, Self.looksLikeDuration(key) ? GoDuration.human(value) : value.goDescription)
        }
    }

    /// The CLI's `looksLikeDuration`.
    static func looksLikeDuration(_ k: String) -> Bool {
        k == "period" || k.hasSuffix("_period") || k == "ttl" || k.hasSuffix("_ttl")
            || k == "duration" || k.hasSuffix("_duration") || k == "lease_max" || k == "ttl_max"
    }

    /// Go's `time.Time.String()` for an RFC 3339 UTC timestamp.
    static func goTimeString(_ rfc3339: String) -> String {
        guard rfc3339.hasSuffix("Z") else { return rfc3339 }
        return String(rfc3339.dropLast()).replacingOccurrences(of: "T", with: " ") + " +0000 UTC"
    }
}
