import Crypto
import Foundation
public import HowToPlan

/// What a walk has done so far, saved after every step so that `--resume` can continue it.
public struct WalkProgress: Sendable, Codable, Hashable {
    /// A step the reader has finished with.
    public struct DoneStep: Sendable, Codable, Hashable {
        /// The step id (`s3`).
        public var id: String
        /// `passed` or `skipped`.
        public var status: String
        /// The script the reader ran instead of the how-to's (edited or with their values), if different.
        public var script: String?
        /// The session state file the step left (the next step starts from it).
        public var state: String
    }

    /// A background service running when the progress was saved.
    public struct Service: Sendable, Codable, Hashable {
        /// The step that started it.
        public var stepID: String
        /// Its first command line.
        public var name: String
        /// Its process group.
        public var processGroup: Int32
        /// When its leader started (clock ticks since boot), to tell it from a later process with the same pid.
        public var startTime: UInt64?
    }

    /// The how-to's path.
    public var file: String
    /// A digest of the plan's steps: resuming a how-to that changed since is refused.
    public var fingerprint: String
    /// Whether the walk runs with `--fixtures`.
    public var fixtures: Bool
    /// `mock` or `live`.
    public var vaultMode: String
    /// Finished steps, in order.
    public var done: [DoneStep]
    /// Services up at the last save.
    public var services: [Service]

    /// Creates empty progress for `plan`.
    public init(plan: Plan, fixtures: Bool, vaultMode: String) {
        file = plan.file
        fingerprint = Self.fingerprint(plan)
        self.fixtures = fixtures
        self.vaultMode = vaultMode
        done = []
        services = []
    }

    /// A digest of every step's id, kind and script.
    public static func fingerprint(_ plan: Plan) -> String {
        var hasher = SHA256()
        for step in plan.steps + plan.cleanup {
            hasher.update(data: Data("\(step.id)\u{0}\(step.kind.rawValue)\u{0}\(step.script)\u{0}".utf8))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// Where a walk keeps its progress and run directories: `.howto-walk/<slug>/` in the working directory.
public struct WalkProgressStore: Sendable {
    /// The directory for this how-to.
    public let directory: String

    /// The store for a how-to's slug under `root` (the working directory, for `howto walk`).
    public init(slug: String, root: String) {
        directory = root + "/.howto-walk/" + slug.replacingOccurrences(of: "/", with: "--")
    }

    /// The progress file.
    public var file: String { directory + "/progress.json" }

    /// Where runs put their directories (kept until the walk ends: later steps resume from their state).
    public var runsDirectory: String { directory + "/runs" }

    /// Creates the directories, readable by the owner only (session state can hold the reader's secrets).
    public func prepare() throws {
        try FileManager.default.createDirectory(atPath: runsDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory)
    }

    /// The saved progress; nil when there is none.
    public func load() throws -> WalkProgress? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        return try JSONDecoder().decode(WalkProgress.self, from: data)
    }

    /// Saves `progress` atomically (write a temporary file, then rename).
    public func save(_ progress: WalkProgress) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let temporary = file + ".tmp"
        try encoder.encode(progress).write(to: URL(fileURLWithPath: temporary))
        chmod(temporary, 0o600)
        guard rename(temporary, file) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Removes the progress and every run directory (the walk is over).
    public func remove() {
        try? FileManager.default.removeItem(atPath: directory)
        let parent = (directory as NSString).deletingLastPathComponent
        if (try? FileManager.default.contentsOfDirectory(atPath: parent))?.isEmpty == true {
            try? FileManager.default.removeItem(atPath: parent)
        }
    }
}
