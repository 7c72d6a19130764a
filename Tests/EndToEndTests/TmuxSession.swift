import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program running in a real pseudo-terminal (a private tmux server): keys in, screen out.
final class TmuxSession: @unchecked Sendable {
    /// What went wrong driving tmux.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let socket: String
    private let exitFile: String
    private var serverPID: Int32 = 0
    let directory: String

    /// Starts `command` (a shell command line) in `directory` on a terminal `width` columns wide. The command
    /// and its environment go through a script file, so no value shows on a command line.
    init(_ command: String, in directory: String, width: Int = 100, height: Int = 40, environment: [String: String] = [:]) async throws {
        self.directory = directory
        let id = UUID().uuidString.prefix(8)
        socket = directory + "/.tmux-\(id).sock"
        exitFile = directory + "/.tmux-exit-\(id)"
        let script = directory + "/.tmux-run-\(id).sh"
        let exports = environment.sorted { $0.key < $1.key }.map { "export \($0.key)='\($0.value)'\n" }.joined()
        try "cd '\(directory)'\n\(exports)\(command)\necho $? > '\(exitFile)'\nexec sleep 600\n".write(toFile: script, atomically: true, encoding: .utf8)
        try await Self.tmux(["-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", "walk", "-x", "\(width)", "-y", "\(height)", "bash", "--noprofile", "--norc", script])
        try await Self.tmux(["-S", socket, "set-option", "-g", "history-limit", "50000"])
        serverPID = Int32(try await Self.tmux(["-S", socket, "display-message", "-p", "#{pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Types `keys` (tmux key names: `Enter`, `C-c`, or literal text).
    func send(_ keys: String...) async throws {
        try await Self.tmux(["-S", socket, "send-keys", "-t", "walk"] + keys)
    }

    /// Types `text` literally, then Enter.
    func type(_ text: String) async throws {
        try await Self.tmux(["-S", socket, "send-keys", "-t", "walk", "-l", text])
        try await send("Enter")
    }

    /// Everything the program printed so far (scrollback and screen), trailing blanks trimmed.
    func screen() async throws -> String {
        try await Self.tmux(["-S", socket, "capture-pane", "-p", "-J", "-S", "-", "-t", "walk"])
    }

    /// `text` with every run of white space (the walk wraps long lines) made one space.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// Waits until `text` appears at least `count` times (white space normalized) and returns the screen so
    /// normalized; throws with the screen when it does not in time.
    @discardableResult
    func wait(for text: String, count: Int = 1, timeout: Duration = .seconds(60)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let shown = Self.normalized(try await screen())
            if shown.components(separatedBy: Self.normalized(text)).count - 1 >= count { return shown }
            if ContinuousClock.now > deadline {
                throw Failure(description: "timed out waiting for \(count)× \"\(text)\"; screen:\n\(shown)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// The program's exit status once it has ended.
    func exitStatus(timeout: Duration = .seconds(60)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOfFile: exitFile, encoding: .utf8), let code = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return code
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "the program did not end; screen:\n\((try? await screen()) ?? "")")
    }

    /// Stops the tmux server and whatever still runs in its pane (the programs get SIGHUP). `kill-server`
    /// returns at once, so this short wait may block (it runs from `defer`, which cannot await).
    func close() {
        _ = Self.spawnAndWait(["/usr/bin/tmux", "-S", socket, "kill-server"], output: "/dev/null")
        if serverPID > 0, kill(serverPID, 0) == 0 { kill(serverPID, SIGKILL) }
    }

    /// Runs tmux and returns its standard output (through a file: tmux hands a client's pipes to its server,
    /// which may keep them open). Spawned with posix_spawn and reaped with waitpid on a Dispatch thread.
    @discardableResult
    private static func tmux(_ arguments: [String]) async throws -> String {
        let output = NSTemporaryDirectory() + "tmux-out-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let status: Int32 = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: spawnAndWait(["/usr/bin/tmux"] + arguments, output: output)) }
        }
        guard status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) exited with \(status)")
        }
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// Runs `arguments` with stdin from /dev/null and stdout to `output`; returns its exit status.
    private static func spawnAndWait(_ arguments: [String], output: String) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TMUX")
        environment["TERM"] = "xterm-256color"
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // Dispatch threads block signals and a child inherits the mask: the tmux server and its panes must not.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        guard posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
