import ArgumentParser
import HowToPlan
import Runner

/// `--vault mock|live`.
struct VaultModeOption: ExpressibleByArgument {
    var mode: VaultMode
    init?(argument: String) {
        guard let mode = VaultMode(rawValue: argument) else { return nil }
        self.mode = mode
    }
    init(_ mode: VaultMode) { self.mode = mode }
    static var allValueStrings: [String] { VaultMode.allCases.map(\.rawValue) }
    var defaultValueDescription: String { mode.rawValue }
}

/// `--report junit:PATH` / `--report json:PATH`.
struct ReportTarget: ExpressibleByArgument, Sendable {
    enum Kind: String, Sendable { case junit, json }
    var kind: Kind
    var path: String

    init?(argument: String) {
        guard let colon = argument.firstIndex(of: ":"), let kind = Kind(rawValue: String(argument[..<colon])) else { return nil }
        let path = String(argument[argument.index(after: colon)...])
        guard !path.isEmpty else { return nil }
        self.kind = kind
        self.path = path
    }
}

/// `--shard i/n`.
struct ShardOption: ExpressibleByArgument {
    var shard: Shard
    init?(argument: String) {
        guard let shard = Shard(parsing: argument) else { return nil }
        self.shard = shard
    }
}

/// A duration written `500ms`, `30s`, `2m`.
struct DurationOption: ExpressibleByArgument {
    var milliseconds: Int
    init(milliseconds: Int) { self.milliseconds = milliseconds }
    init?(argument: String) {
        guard let ms = Duration.milliseconds(parsing: argument), ms > 0 else { return nil }
        milliseconds = ms
    }
    var defaultValueDescription: String { "\(milliseconds / 1000)s" }
}
