import Diagnostics
import Foundation
import HowToPlan
import Runner

/// Runs one how-to in a child `howto` inside its own network namespace (`unshare --net`), so that parallel
/// jobs each have their own loopback: two tutorials that both start a server on 127.0.0.1:8200 do not collide.
struct IsolatedJob: Sendable {
    /// Options the child gets, besides the file and its report.
    let arguments: [String]

    /// Whether this machine can do it: `unshare` and `ip` present, and running as root.
    static var available: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")
            && ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `plan.file` in the child; its console output goes out in one piece when it ends.
    func run(_ plan: Plan, observer: any RunObserver) async -> TutorialResult {
        let report = NSTemporaryDirectory() + "howto-job-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: report) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["--net", "--", "/bin/bash", "-c", #"ip link set lo up && exec "$0" "$@""#, SelfExecutable.path,
                             "test", plan.file, "--jobs", "1", "--report", "json:\(report)"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let (ended, end) = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in
            end.yield()
            end.finish()
        }
        let text: String
        do {
            try process.run()
            async let collected = Self.readAll(output.fileHandleForReading)
            await withTaskCancellationHandler {
                for await _ in ended { break }
            } onCancel: {
                process.interrupt()
            }
            text = await collected
        } catch {
            return Self.failure(plan, "could not start an isolated job: \(error)")
        }
        StandardStream.output.write(text)
        struct Document: Decodable { var tutorials: [TutorialResult] }
        guard let data = FileManager.default.contents(atPath: report),
              let result = (try? JSONDecoder().decode(Document.self, from: data))?.tutorials.first
        else { return Self.failure(plan, "the isolated job ended (\(process.terminationStatus)) without a report") }
        return result
    }

    private static func failure(_ plan: Plan, _ message: String) -> TutorialResult {
        TutorialResult(file: plan.file, title: plan.title, verdict: .failed, notes: [message])
    }

    private static func readAll(_ handle: FileHandle) async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)) }
        }
    }
}
