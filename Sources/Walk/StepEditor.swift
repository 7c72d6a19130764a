import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lets the reader change a step's commands before they run: in `$VISUAL`/`$EDITOR` when one is set,
/// else line by line at the prompt with bash's line editor (each line pre-filled; an emptied line is dropped).
struct StepEditor: Sendable {
    /// The environment the editor is looked up in.
    let environment: [String: String]
    /// A directory for the file the editor opens.
    let scratchDirectory: String

    /// The edited script; nil when the editor failed (the step is left as it was).
    func edit(_ script: String) async -> String? {
        if let editor = ["VISUAL", "EDITOR"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) {
            return await inEditor(editor, script)
        }
        return await inline(script)
    }

    private func inEditor(_ editor: String, _ script: String) async -> String? {
        let path = scratchDirectory + "/step-\(UInt32.random(in: 0...UInt32.max)).sh"
        guard FileManager.default.createFile(atPath: path, contents: Data(script.utf8), attributes: [.posixPermissions: 0o600]) else { return nil }
        defer { try? FileManager.default.removeItem(atPath: path) }
        // The editor command may carry arguments (`code --wait`): let the shell split it.
        guard await Self.runAttached(["/bin/sh", "-c", editor + " \"$1\"", "sh", path]) == 0 else { return nil }
        return (try? String(contentsOfFile: path, encoding: .utf8)).map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }
    }

    private func inline(_ script: String) async -> String? {
        var edited: [String] = []
        for line in script.split(separator: "\n", omittingEmptySubsequences: false).dropLast(script.hasSuffix("\n") ? 1 : 0) {
            let answer = scratchDirectory + "/edit-\(UInt32.random(in: 0...UInt32.max)).txt"
            defer { try? FileManager.default.removeItem(atPath: answer) }
            let code = await Self.runAttached(
                ["/bin/bash", "--noprofile", "--norc", "-c", #"IFS= read -r -e -i "$1" -p "  edit> " line || exit 1; printf '%s' "$line""#, "bash", String(line)],
                output: answer)
            guard code == 0, let text = try? String(contentsOfFile: answer, encoding: .utf8) else { return nil }
            if !text.trimmingCharacters(in: .whitespaces).isEmpty { edited.append(text) }
        }
        return edited.isEmpty ? nil : edited.joined(separator: "\n") + "\n"
    }

    /// Runs a command on the reader's terminal and waits for it off the cooperative pool. It stays in the
    /// walk's process group (the terminal's foreground group, so it may read the terminal: Foundation's
    /// `Process` would start a new group), with no signal blocked or ignored.
    private static func runAttached(_ arguments: [String], output: String? = nil) async -> Int32 {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: spawnAndWait(arguments, output: output)) }
        }
    }

    private static func spawnAndWait(_ arguments: [String], output: String?) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let output { posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // Dispatch threads block signals, and a spawned child inherits the mask: clear it.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        guard posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
