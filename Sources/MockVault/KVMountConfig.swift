import GoValues

/// A KV v2 mount's `config`: how many versions a secret keeps and whether writes need check-and-set.
struct KVMountConfig: Sendable {
    /// 0 = OpenBao's default of 10.
    var maxVersions = 0
    var casRequired = false
    var deleteVersionAfter = "0s"

    /// Versions a secret keeps: its own `max_versions`, else the mount's, else 10.
    func versionsKept(secretMax: Int) -> Int {
        secretMax > 0 ? secretMax : (maxVersions > 0 ? maxVersions : 10)
    }

    var data: JSONValue {
        .object([
            ("cas_required", .bool(casRequired)), ("delete_version_after", .string(deleteVersionAfter)),
            ("max_versions", .int(maxVersions)), ("metadata_cas_required", .bool(false)),
        ])
    }
}
