public import Foundation

/// What a run verified against, carried by the JSON report so that a site built with `--results` can say
/// how and when each how-to was last verified.
public struct RunFacts: Sendable, Hashable, Codable {
    /// `mock` or `live`.
    public var vault: String
    /// The Vault (OpenBao) version: the mock's, or what the live CLI reports; nil when it cannot be told.
    public var vaultVersion: String?
    /// The Kong Gateway version the emulated gateway answers as.
    public var gateway: String
    /// When the run finished (ISO 8601, UTC).
    public var finishedAt: String
    /// The howto that ran it (`howto 0.1.0 (commit abc)`).
    public var howto: String?

    /// Creates the facts of a run that finished at `finished`.
    public init(vault: VaultMode, vaultVersion: String?, gateway: String, howto: String? = nil, finished: Date = Date()) {
        self.howto = howto
        self.vault = vault.rawValue
        self.vaultVersion = vaultVersion
        self.gateway = gateway
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        finishedAt = formatter.string(from: finished)
    }

    /// The version the live Vault CLI (`vault` or `bao` on PATH, else `.venv/bin/bao`) prints for `version`.
    public static func liveVaultVersion(environment: [String: String]) -> String? {
        guard let binary = ToolDirectory.findLiveVault(environment: environment) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["version"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // `OpenBao v2.7.2 (hash), built ...` or `Vault v1.18.0 (...)`.
        guard let match = output.firstMatch(of: /(\w+) v(\d+\.\d+\.\d+[^\s,]*)/) else { return nil }
        return "\(match.output.1) \(match.output.2)"
    }
}
