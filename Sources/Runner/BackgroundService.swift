import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A step started in the background (a server): its own process group, its log, and its stop.
public final class BackgroundService: Sendable {
    /// The step id that started it.
    public let stepID: String
    /// A short name for messages (the first line of its script).
    public let name: String
    private let state = ServiceState()
    private let task: Task<ChildTermination, any Error>

    /// Starts `child`; `onLine` sees its output as it comes.
    init(stepID: String, name: String, child: ChildProcess, onLine: @escaping @Sendable (String) -> Void) {
        self.stepID = stepID
        self.name = name
        let state = self.state
        task = Task {
            let (termination, _) = try await child.run(
                timeout: nil, onStart: { state.setPID($0) },
                onLine: { line in
                    state.append(line)
                    onLine(line)
                })
            state.markExited(termination)
            return termination
        }
    }

    /// Takes over a process group an earlier run left running (a resumed walk); it is stopped like the others.
    init(adopting pid: pid_t, stepID: String, name: String) {
        self.stepID = stepID
        self.name = name
        let state = self.state
        state.setPID(pid)
        task = Task {
            while ProcessGroup.isAlive(pid) { try await Task.sleep(for: .milliseconds(200)) }
            state.markExited(.signalled(SIGTERM))
            return .signalled(SIGTERM)
        }
    }

    /// The process-group id (also the leader's pid), once started.
    public var processGroup: Int32? { state.pid }

    /// Whether any process of the service's group is still running.
    public var isRunning: Bool { state.pid.map(ProcessGroup.isAlive) ?? false }

    /// Everything the service printed so far.
    public var log: String { state.log }

    /// The last `count` lines it printed, indented for a message; "(no output)" when it printed nothing.
    func lastLines(_ count: Int = 10) -> String {
        let lines = log.split(separator: "\n", omittingEmptySubsequences: true).suffix(count)
        return lines.isEmpty ? "  (no output)" : lines.map { "  " + $0 }.joined(separator: "\n")
    }

    /// How it ended, if it has.
    var exit: ChildTermination? { state.exit }

    /// The process-group id, once started.
    var pid: pid_t? { state.pid }

    /// Stops the whole process group (TERM, then KILL) and waits for it.
    public func stop() async {
        if let pid = state.pid { await ProcessGroup.stop(pid) }
        _ = try? await task.value
    }

    /// Waits until the process has been spawned (its pid is known) or has failed to spawn.
    func waitStarted() async {
        while state.pid == nil, state.exit == nil, !task.isCancelled {
            try? await Task.sleep(for: .milliseconds(1))
        }
    }
}

/// The mutable part of a background service, shared with its reading task.
final class ServiceState: @unchecked Sendable {
    private let lock = NSLock()
    private var _pid: pid_t?
    private var _log = ""
    private var _exit: ChildTermination?

    func setPID(_ pid: pid_t) { lock.withLock { _pid = pid } }
    func append(_ line: String) { lock.withLock { _log += line + "\n" } }
    func markExited(_ t: ChildTermination) { lock.withLock { _exit = t } }
    var pid: pid_t? { lock.withLock { _pid } }
    var log: String { lock.withLock { _log } }
    var exit: ChildTermination? { lock.withLock { _exit } }
}
