import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What one step did in the session.
public struct ShellOutcome: Sendable, Hashable {
    /// The step's exit status; nil when it was killed (timeout or signal).
    public var exitCode: Int32?
    /// With errexit, the line of the step's script whose command failed first (1-based), and its status.
    public var failedCommand: FailedCommand?

    /// The command that ended a step under errexit.
    public struct FailedCommand: Sendable, Hashable {
        /// Its line in the step's script, from 1.
        public var line: Int
        /// Its exit status.
        public var status: Int32
    }
    /// True when the step outlived its timeout and was killed with its children.
    public var timedOut: Bool
    /// Standard output and standard error, interleaved as a terminal shows them.
    public var output: String
    /// Wall time of the step.
    public var duration: Duration
}

/// One shell session per how-to: what a step sets (variables, functions, aliases, options, directory)
/// is there for the next, as when a person pastes the blocks into one terminal.
public actor ShellSession {
    /// The session's private directory (state files, step scripts); also the steps' first working directory.
    public let directory: String
    private let workDirectory: String
    private let bash: String
    private var stateFile: String
    private var generation = 0
    private let sentinel: String
    private var startedGroups: [pid_t] = []
    /// The session's variables after the last completed step (name → value).
    public private(set) var variables: [String: String]

    /// Creates a session whose first step sees `environment` and starts in `workDirectory`; with `restoring`,
    /// it starts instead from that saved state file (an earlier session's), with `environment` laid over it.
    public init(directory: String, workDirectory: String, environment: [String: String], restoring: String? = nil) throws {
        self.directory = directory
        self.workDirectory = workDirectory
        self.bash = ShellSession.findBash()
        self.sentinel = "__HOWTO_STEP_END_\(UInt64.random(in: 1...UInt64.max))"
        self.variables = environment
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try fm.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        try SessionScript.driver.write(toFile: directory + "/driver.sh", atomically: true, encoding: .utf8)
        try SessionScript.backgroundDriver.write(toFile: directory + "/background.sh", atomically: true, encoding: .utf8)
        stateFile = directory + "/state-0.sh"
        var state = SessionScript.initialState(environment: environment, directory: workDirectory)
        if let restoring {
            guard let saved = try? String(contentsOfFile: restoring, encoding: .utf8) else { throw SessionError.unreadableState(restoring) }
            state = saved + SessionScript.exports(environment)
            variables = (Self.savedVariables(restoring) ?? [:]).merging(environment) { _, new in new }
        }
        try state.write(toFile: stateFile, atomically: true, encoding: .utf8)
    }

    /// The state file the next step starts from (what the last completed step left).
    public var statePath: String { stateFile }

    /// Runs `script` as the next step; the session keeps its state only if the step was not killed.
    /// `errexit`: the first failing command ends the step (`set -e -o pipefail`), as a CI user expects.
    public func run(
        _ script: String, timeout: Duration?, errexit: Bool = true, onLine: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> ShellOutcome {
        generation += 1
        let stepFile = "\(directory)/step-\(generation).sh"
        let nextState = "\(directory)/state-\(generation).sh"
        try script.write(toFile: stepFile, atomically: false, encoding: .utf8)
        let child = ChildProcess(
            executable: bash, arguments: ["--noprofile", "--norc", directory + "/driver.sh", stateFile, nextState, stepFile, sentinel, errexit ? "1" : "0"],
            environment: minimalEnvironment(), workingDirectory: workDirectory)
        let clock = ContinuousClock()
        let start = clock.now
        let groups = GroupRecorder()
        let (termination, output) = try await child.run(timeout: timeout, sentinel: sentinel, onStart: { groups.add($0) }, onLine: onLine)
        startedGroups.append(contentsOf: groups.all)
        let duration = clock.now - start
        switch termination {
        case let .exited(code):
            if FileManager.default.fileExists(atPath: nextState) {
                stateFile = nextState
                variables = Self.readVariables(nextState + ".vars") ?? variables
            }
            var outcome = ShellOutcome(exitCode: code, timedOut: false, output: output, duration: duration)
            if code != 0, let failed = try? String(contentsOfFile: nextState + ".failed", encoding: .utf8) {
                let fields = failed.split(separator: " ")
                if fields.count == 2, let line = Int(fields[0]), let status = Int32(fields[1].trimmingCharacters(in: .whitespacesAndNewlines)), status == code {
                    outcome.failedCommand = ShellOutcome.FailedCommand(line: line, status: status)
                }
            }
            return outcome
        case .signalled:
            return ShellOutcome(exitCode: nil, timedOut: false, output: output, duration: duration)
        case .timedOut:
            return ShellOutcome(exitCode: nil, timedOut: true, output: output, duration: duration)
        }
    }

    /// The command line and environment that start `script` in the background with the session's state.
    public func backgroundProcess(for script: String) throws -> (executable: String, arguments: [String], environment: [String: String], workingDirectory: String) {
        generation += 1
        let stepFile = "\(directory)/background-\(generation).sh"
        try script.write(toFile: stepFile, atomically: false, encoding: .utf8)
        return (bash, ["--noprofile", "--norc", directory + "/background.sh", stateFile, stepFile], minimalEnvironment(), currentDirectory())
    }

    /// Stops whatever the session's steps left running in their process groups (`cmd &`).
    public func stopStragglers() async {
        for pid in startedGroups.reversed() { await ProcessGroup.stop(pid, grace: .milliseconds(500)) }
        startedGroups.removeAll()
    }

    /// The working directory the last step left.
    public func currentDirectory() -> String {
        guard let text = try? String(contentsOfFile: stateFile, encoding: .utf8),
              let line = text.split(separator: "\n").last(where: { $0.hasPrefix("cd -- ") })
        else { return workDirectory }
        let raw = String(line.dropFirst(6))
        return raw.hasPrefix("'") ? String(raw.dropFirst().dropLast()).replacingOccurrences(of: "'\\''", with: "'") : raw.replacingOccurrences(of: "\\", with: "")
    }

    private func minimalEnvironment() -> [String: String] {
        ["HOWTO_SESSION": directory, "PATH": variables["PATH"] ?? "/usr/bin:/bin", "HOME": variables["HOME"] ?? workDirectory, "LANG": variables["LANG"] ?? "C.UTF-8"]
    }

    /// The variables saved with a state file (its `.vars` companion); nil when there are none.
    static func savedVariables(_ statePath: String) -> [String: String]? { readVariables(statePath + ".vars") }

    private static func readVariables(_ path: String) -> [String: String]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var result: [String: String] = [:]
        for entry in data.split(separator: 0) {
            guard let eq = entry.firstIndex(of: UInt8(ascii: "=")) else { continue }
            result[String(decoding: entry[..<eq], as: UTF8.self)] = String(decoding: entry[(eq + 1)...], as: UTF8.self)
        }
        return result
    }

    private static func findBash() -> String {
        for candidate in ["/bin/bash", "/usr/bin/bash", "/usr/local/bin/bash"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return "/bin/sh"
    }
}

/// Why a session could not be created.
public enum SessionError: Error, CustomStringConvertible {
    /// A saved state file to resume from is missing or unreadable.
    case unreadableState(String)

    public var description: String {
        switch self {
        case let .unreadableState(path): "cannot read the saved session state \(path); start over without --resume"
        }
    }
}

/// Collects process-group ids reported from a child's start callback.
final class GroupRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var pids: [pid_t] = []
    func add(_ pid: pid_t) { lock.withLock { pids.append(pid) } }
    var all: [pid_t] { lock.withLock { pids } }
}
