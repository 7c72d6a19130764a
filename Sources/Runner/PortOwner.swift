import Foundation

/// Which process listens on a local TCP port, read from `/proc/net/tcp{,6}` and the processes' open sockets
/// (Linux); nil where that cannot be told (another user's process, or no `/proc`).
struct PortOwner: Sendable, Equatable {
    /// The owning process.
    let pid: Int32
    /// Its command line, spaces between the arguments.
    let command: String

    /// The process listening on `port`, if it can be told.
    static func listening(on port: Int) -> PortOwner? {
        let inodes = Set(["/proc/net/tcp", "/proc/net/tcp6"].flatMap { listeningInodes(table: $0, port: port) })
        guard !inodes.isEmpty, let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        for entry in entries {
            guard let pid = Int32(entry), let fds = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(entry)/fd") else { continue }
            for fd in fds {
                guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(entry)/fd/\(fd)"),
                      target.hasPrefix("socket:["), inodes.contains(String(target.dropFirst(8).dropLast()))
                else { continue }
                return PortOwner(pid: pid, command: commandLine(of: entry))
            }
        }
        return nil
    }

    /// The socket inodes in LISTEN state (`0A`) bound to `port` in one `/proc/net` table.
    private static func listeningInodes(table: String, port: Int) -> [String] {
        guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { return [] }
        let hexPort = String(format: ":%04X", port)
        return text.split(separator: "\n").dropFirst().compactMap { row in
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            let fields = row.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count > 9, fields[1].hasSuffix(hexPort), fields[3] == "0A" else { return nil }
            return String(fields[9])
        }
    }

    private static func commandLine(of pid: String) -> String {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !data.isEmpty else { return "?" }
        return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    }
}
