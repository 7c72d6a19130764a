import Foundation
import GoValues

/// One KV v2 secret: its versions and metadata.
struct KVSecret: Sendable {
    struct Version: Sendable {
        var data: JSONValue
        var created: Date
        var deleted: Date?
        var destroyed = false
    }

    var versions: [Int: Version] = [:]
    var currentVersion = 0
    var oldestVersion = 0
    var created: Date
    var updated: Date
    var maxVersions = 0
    var casRequired = false
    var customMetadata: JSONValue = .null
    /// Writes to the secret's metadata endpoint so far.
    var metadataVersion = 0

    /// Drops the oldest versions so that at most `kept` remain, as KV v2 does after a write.
    mutating func prune(keeping kept: Int) {
        let oldestKept = currentVersion - kept + 1
        let dropped = versions.keys.filter { $0 < oldestKept }
        guard !dropped.isEmpty else { return }
        for number in dropped { versions[number] = nil }
        oldestVersion = versions.keys.min() ?? 0
    }

    /// The metadata block of one version as reads and writes return it.
    func versionMetadata(_ number: Int) -> JSONValue {
        let version = versions[number]
        return .object([
            ("created_time", .string(version.map { VaultTime.rfc3339Nano($0.created) } ?? "")),
            ("custom_metadata", customMetadata),
            ("deletion_time", .string(version?.deleted.map(VaultTime.rfc3339Nano) ?? "")),
            ("destroyed", .bool(version?.destroyed ?? false)),
            ("version", .int(number)),
        ])
    }

    /// `GET metadata/<path>` data.
    var metadata: JSONValue {
        let versionEntries = versions.keys.sorted().map { number -> (String, JSONValue) in
            let v = versions[number]!
            return (String(number), .object([
                ("created_time", .string(VaultTime.rfc3339Nano(v.created))),
                ("deletion_time", .string(v.deleted.map(VaultTime.rfc3339Nano) ?? "")),
                ("destroyed", .bool(v.destroyed)),
            ]))
        }
        return .object([
            ("cas_required", .bool(casRequired)),
            ("created_time", .string(VaultTime.rfc3339Nano(created))),
            ("current_metadata_version", .int(metadataVersion)),
            ("current_version", .int(currentVersion)),
            ("custom_metadata", customMetadata),
            ("delete_version_after", .string("0s")),
            ("max_versions", .int(maxVersions)),
            ("metadata_cas_required", .bool(false)),
            ("oldest_version", .int(oldestVersion)),
            ("updated_time", .string(VaultTime.rfc3339Nano(updated))),
            ("versions", .object(versionEntries)),
        ])
    }
}
