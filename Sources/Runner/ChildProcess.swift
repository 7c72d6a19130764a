import Foundation
import Subprocess
#if canImport(Glibc)
import Glibc
import SystemPackage
#endif

/// How a child process ended.
enum ChildTermination: Sendable, Hashable {
    /// It exited with a code (for session steps: the step's own status, read from the sentinel).
    case exited(Int32)
    /// A signal ended it.
    case signalled(Int32)
    /// It outlived its deadline and was killed with its process group.
    case timedOut
}

extension ChildTermination: CustomStringConvertible {
    var description: String {
        switch self {
        case let .exited(code): "exit status \(code)"
        case let .signalled(signal): "killed by signal \(signal)" + (strsignal(signal).map { " (\(String(cString: $0)))" } ?? "")
        case .timedOut: "timed out"
        }
    }
}

/// A child process run in its own session (so its process group can be signalled as a whole), with
/// standard output and standard error combined and streamed line by line.
struct ChildProcess: Sendable {
    var executable: String
    var arguments: [String]
    var environment: [String: String]
    var workingDirectory: String

    /// Runs to completion (or to `timeout`), calling `onLine` for every output line as it arrives.
    ///
    /// When `sentinel` is given, a line `SENTINEL <status>` ends the run early with that status: this lets
    /// a step finish even when a process it started in the background keeps the output pipe open.
    func run(
        timeout: Duration?, sentinel: String? = nil, onStart: @escaping @Sendable (pid_t) -> Void = { _ in },
        onLine: @escaping @Sendable (String) -> Void
    ) async throws -> (ChildTermination, String) {
        var options = PlatformOptions()
        options.createSession = true
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: .milliseconds(500))]
        let env = Environment.custom(Dictionary(uniqueKeysWithValues: environment.map { (Environment.Key(stringLiteral: $0.key), $0.value) }))
        let result = try await Subprocess.run(
            .path(FilePath(executable)), arguments: Arguments(arguments), environment: env,
            workingDirectory: FilePath(workingDirectory), platformOptions: options,
            input: .none, output: .sequence, error: .combinedWithOutput
        ) { execution -> (Int32?, Bool, String) in
            let pid = execution.processIdentifier.value
            onStart(pid)
            let reader = LineReader(sentinel: sentinel, onLine: onLine)
            return try await withThrowingTaskGroup(of: ReadOutcome.self) { group in
                group.addTask {
                    var reader = reader
                    for try await buffer in execution.standardOutput {
                        let bytes = buffer.withUnsafeBytes { Array($0) }
                        if let status = reader.consume(bytes) { return .finished(status, reader.transcript) }
                    }
                    reader.flush()
                    return .finished(nil, reader.transcript)
                }
                if let timeout {
                    group.addTask {
                        do {
                            try await Task.sleep(for: timeout)
                            return .timedOut
                        } catch {
                            return .cancelled
                        }
                    }
                }
                var timedOut = false
                var status: Int32?
                var transcript = ""
                while let next = try await group.next() {
                    switch next {
                    case .timedOut:
                        timedOut = true
                        ProcessGroup.terminate(pid)
                    case .cancelled:
                        break
                    case let .finished(s, text):
                        status = s
                        transcript = text
                        group.cancelAll()
                    }
                }
                return (status, timedOut, transcript)
            }
        }
        let (sentinelStatus, timedOut, transcript) = result.closureResult
        if timedOut { return (.timedOut, transcript) }
        if let sentinelStatus { return (.exited(sentinelStatus), transcript) }
        switch result.terminationStatus {
        case let .exited(code): return (.exited(code), transcript)
        case let .signaled(signal): return (.signalled(signal), transcript)
        }
    }

    private enum ReadOutcome: Sendable {
        case finished(Int32?, String)
        case timedOut
        case cancelled
    }
}

/// Splits a byte stream into lines, keeps a transcript, and spots the end-of-step sentinel.
struct LineReader: Sendable {
    let sentinel: String?
    let onLine: @Sendable (String) -> Void
    private(set) var transcript = ""
    private var pending: [UInt8] = []
    private var heldEmptyLine = false

    init(sentinel: String?, onLine: @escaping @Sendable (String) -> Void) {
        self.sentinel = sentinel
        self.onLine = onLine
    }

    /// Feeds bytes; returns the status when the sentinel line was read.
    mutating func consume(_ bytes: [UInt8]) -> Int32? {
        pending.append(contentsOf: bytes)
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            let line = String(decoding: pending[..<newline], as: UTF8.self)
            pending.removeSubrange(...newline)
            if let sentinel, line.hasPrefix(sentinel + " ") {
                return Int32(line.dropFirst(sentinel.count + 1)) ?? 1
            }
            // The sentinel is preceded by a newline of its own: hold an empty line until we know it isn't that one.
            if heldEmptyLine { emit("") }
            heldEmptyLine = line.isEmpty && sentinel != nil
            if !heldEmptyLine { emit(line) }
        }
        return nil
    }

    private mutating func emit(_ line: String) {
        transcript += line + "\n"
        onLine(line)
    }

    /// Emits a last line that had no newline.
    mutating func flush() {
        if heldEmptyLine { emit("") }
        heldEmptyLine = false
        guard !pending.isEmpty else { return }
        let line = String(decoding: pending, as: UTF8.self)
        pending.removeAll()
        transcript += line
        onLine(line)
    }
}

/// Signals whole process groups: TERM first, KILL if they are still there after a grace period.
enum ProcessGroup {
    /// Sends TERM to the group led by `pid`, and KILL half a second later if any member is left.
    static func terminate(_ pid: pid_t, grace: Duration = .milliseconds(500)) {
        guard pid > 0 else { return }
        kill(-pid, SIGTERM)
        Task.detached {
            try? await Task.sleep(for: grace)
            if isAlive(pid) { kill(-pid, SIGKILL) }
        }
    }

    /// Whether any process of the group led by `pid` is still running. Zombies do not count: a member
    /// whose parent died is reparented, and its zombie may linger until init reaps it.
    static func isAlive(_ pid: pid_t) -> Bool {
        guard kill(-pid, 0) == 0 else { return false }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return true }
        for entry in entries {
            guard let first = entry.utf8.first, (48...57).contains(first),
                  let stat = FileManager.default.contents(atPath: "/proc/\(entry)/stat"),
                  let close = stat.lastIndex(of: UInt8(ascii: ")"))
            else { continue }
            // After "pid (comm) ": state, ppid, pgrp.
            let fields = stat[(close + 2)...].split(separator: UInt8(ascii: " "), maxSplits: 3)
            guard fields.count >= 3, let pgrp = Int32(String(decoding: fields[2], as: UTF8.self)), pgrp == pid else { continue }
            if fields[0].first != UInt8(ascii: "Z") { return true }
        }
        return false
    }

    /// When the process `pid` started (clock ticks since boot, `/proc/PID/stat` field 22): with the pid, it
    /// tells a process from a later one that reused its number.
    static func startTime(_ pid: pid_t) -> UInt64? {
        guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
              let close = stat.lastIndex(of: UInt8(ascii: ")"))
        else { return nil }
        let fields = stat[(close + 2)...].split(separator: UInt8(ascii: " "))
        return fields.count > 19 ? UInt64(String(decoding: fields[19], as: UTF8.self)) : nil
    }

    /// TERM, then waits (polling the group) up to `grace`, then KILL; returns when the group is gone.
    static func stop(_ pid: pid_t, grace: Duration = .seconds(2)) async {
        guard pid > 0, isAlive(pid) else { return }
        kill(-pid, SIGTERM)
        let clock = ContinuousClock()
        let deadline = clock.now + grace
        while isAlive(pid), clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        if isAlive(pid) {
            kill(-pid, SIGKILL)
            let hard = clock.now + .seconds(1)
            while isAlive(pid), clock.now < hard { try? await Task.sleep(for: .milliseconds(10)) }
        }
    }
}
