import GoValues

/// `OutputSealStatus`: seal status plus leader information, as `vault status` and
/// `vault operator unseal` print it.
enum SealStatusOutput {
    /// Prints the status; returns 1 when the leader lookup fails, else 0.
    static func print(_ status: JSONValue, client: VaultClient, context: CommandContext) async -> Int32 {
        var leader: JSONValue
        do {
            leader = try await client.json("GET", "sys/leader")
        } catch let error where error.description.contains("Vault is sealed") {
            leader = .object([("ha_enabled", .bool(true))])
        } catch {
            context.console.error("Error checking leader status: \(error)")
            return 1
        }
        if context.format == "json" {
            context.console.info(json(status, leader).goIndentedJSON())
        } else {
            context.console.info(Columns.table(tableRows(status, leader)))
        }
        return 0
    }

    /// The `SealStatusOutput` struct in Go field order.
    static func json(_ s: JSONValue, _ leader: JSONValue) -> JSONValue {
        func v(_ k: String, _ d: JSONValue) -> JSONValue { s[k] ?? d }
        var m: [(String, JSONValue)] = [
            ("type", v("type", .string(""))), ("initialized", v("initialized", .bool(false))),
            ("sealed", v("sealed", .bool(false))), ("t", v("t", .number("0"))), ("n", v("n", .number("0"))),
            ("progress", v("progress", .number("0"))), ("nonce", v("nonce", .string(""))),
            ("version", v("version", .string(""))),
        ]
        if let commit = s["commit_date"] { m.append(("commit_date", commit)) }
        m.append(("migration", v("migration", .bool(false))))
        for key in ["cluster_name", "cluster_id"] {
            if let value = s[key]?.stringValue, !value.isEmpty { m.append((key, .string(value))) }
        }
        m.append(("recovery_seal", v("recovery_seal", .bool(false))))
        if let storage = s["storage_type"]?.stringValue, !storage.isEmpty { m.append(("storage_type", .string(storage))) }
        m.append(("build_date", v("build_date", .string(""))))
        m.append(("ha_enabled", leader["ha_enabled"] ?? .bool(false)))
        if leader["is_self"]?.boolValue == true { m.append(("is_self", .bool(true))) }
        if let t = leader["active_time"]?.stringValue, !t.hasPrefix("0001-01-01") { m.append(("active_time", .string(t))) }
        for key in ["leader_address", "leader_cluster_address"] {
            if let value = leader[key]?.stringValue, !value.isEmpty { m.append((key, .string(value))) }
        }
        if leader["performance_standby"]?.boolValue == true { m.append(("performance_standby", .bool(true))) }
        for key in ["performance_standby_last_remote_wal", "raft_committed_index", "raft_applied_index"] {
            if let n = leader[key]?.intValue, n > 0 { m.append((key, .number(String(n)))) }
        }
        return .object(m)
    }

    /// The `Key | Value` rows of the table format.
    static func tableRows(_ s: JSONValue, _ leader: JSONValue) -> [String] {
        let recovery = s["recovery_seal"]?.boolValue == true ? "Recovery " : ""
        let sealed = s["sealed"]?.boolValue ?? false
        let t = s["t"]?.goDescription ?? "0"
        var out = ["Key | Value"]
        out.append("\(recovery)Seal Type | \(s["type"]?.goDescription ?? "")")
        out.append("Initialized | \(s["initialized"]?.goDescription ?? "false")")
        out.append("Sealed | \(sealed)")
        out.append("Total \(recovery)Shares | \(s["n"]?.goDescription ?? "0")")
        out.append("Threshold | \(t)")
        if sealed {
            out.append("Unseal Progress | \(s["progress"]?.goDescription ?? "0")/\(t)")
            out.append("Unseal Nonce | \(s["nonce"]?.stringValue ?? "")")
        }
        if s["migration"]?.boolValue == true { out.append("Seal Migration in Progress | true") }
        out.append("Version | \(s["version"]?.stringValue ?? "")")
        if let commit = s["commit_date"]?.stringValue {
            out.append("Commit Date | \(commit)")
        } else {
            out.append("Build Date | \(s["build_date"]?.stringValue ?? "")")
        }
        out.append("Storage Type | \(s["storage_type"]?.stringValue ?? "")")
        if let name = s["cluster_name"]?.stringValue, let id = s["cluster_id"]?.stringValue, !name.isEmpty, !id.isEmpty {
            out.append("Cluster Name | \(name)")
            out.append("Cluster ID | \(id)")
        }
        let ha = leader["ha_enabled"]?.boolValue ?? false
        out.append("HA Enabled | \(ha)")
        guard ha else { return out }
        if !sealed {
            out.append("HA Cluster | \(leader["leader_cluster_address"]?.stringValue ?? "")")
            let isSelf = leader["is_self"]?.boolValue ?? false
            out.append("HA Mode | \(isSelf ? "active" : "standby")")
            if isSelf, let t = leader["active_time"]?.stringValue, !t.hasPrefix("0001-01-01") {
                out.append("Active Since | \(t)")
            }
            if !isSelf {
                let address = leader["leader_address"]?.stringValue ?? ""
                out.append("Active Node Address | \(address.isEmpty ? "<none>" : address)")
            }
        }
        for (key, label) in [("raft_committed_index", "Raft Committed Index"), ("raft_applied_index", "Raft Applied Index")] {
            if let n = leader[key]?.intValue, n > 0 { out.append("\(label) | \(n)") }
        }
        return out
    }
}
