import Foundation

/// Reads the process table, to check that no process of a run is left behind.
public enum ProcessTable {
    /// PIDs of live processes (zombies have no command line) whose command line contains `marker`.
    public static func processes(containing marker: String) -> [Int32] {
        let me = getpid()
        return ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { entry -> Int32? in
            guard let pid = Int32(entry), pid != me,
                  let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            return String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self).contains(marker) ? pid : nil
        }
    }
}
