public import Foundation

/// Loads and saves the gateway state as JSON in the run's state directory.
public struct GatewayStateStore: Sendable {
    /// The directory holding `gateway.json`.
    public var directory: URL

    /// Stores state in `directory`.
    public init(directory: URL) {
        self.directory = directory
    }

    /// `$HOWTO_STATE_DIR` when set, else `.howto-gateway/` under `currentDirectory`.
    public init(environment: [String: String], currentDirectory: String = FileManager.default.currentDirectoryPath) {
        if let dir = environment["HOWTO_STATE_DIR"], !dir.isEmpty {
            self.init(directory: URL(fileURLWithPath: dir, isDirectory: true))
        } else {
            self.init(directory: URL(fileURLWithPath: currentDirectory, isDirectory: true)
                .appendingPathComponent(".howto-gateway", isDirectory: true))
        }
    }

    /// The state file's location.
    public var fileURL: URL { directory.appendingPathComponent("gateway.json") }

    /// The stored state, empty when nothing was stored yet.
    public func load() throws -> GatewayState {
        guard FileManager.default.fileExists(atPath: fileURL.path) else { return GatewayState() }
        return try JSONDecoder().decode(GatewayState.self, from: Data(contentsOf: fileURL))
    }

    /// Replaces the stored state atomically.
    public func save(_ state: GatewayState) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(state).write(to: fileURL, options: .atomic)
    }
}
