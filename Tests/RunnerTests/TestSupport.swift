import Diagnostics
import Foundation
import HowToPlan
@testable import Runner

/// Builders shared by the runner tests.
enum TestSupport {
    static func step(_ id: String, _ script: String, kind: Step.Kind = .shell, phase: Step.Phase = .body, line: Int = 1, _ attributes: [String: String] = [:]) throws -> Step {
        Step(id: id, section: "Section \(id)", kind: kind, phase: phase, script: script, attributes: try StepAttributes(parsing: attributes),
             location: SourceLocation(file: "test.md", line: line))
    }

    static func plan(_ steps: [Step], cleanup: [Step] = [], file: String = "test.md") -> Plan {
        Plan(file: file, title: "Test how-to", steps: steps, cleanup: cleanup)
    }

    static func configuration(budget: Duration? = nil) -> RunConfiguration {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        var c = RunConfiguration(toolBinary: "/bin/true", environment: environment, workRoot: NSTemporaryDirectory() + "howto-runner-tests")
        c.defaultTimeout = .seconds(20)
        c.budget = budget
        return c
    }

    static func run(_ plan: Plan, configuration: RunConfiguration = configuration()) async -> TutorialResult {
        await TutorialRunner(configuration: configuration).run(plan)
    }

    /// A free TCP port on 127.0.0.1.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// PIDs of processes whose command line contains `marker`.
    static func processes(containing marker: String) -> [Int32] {
        let me = getpid()
        return ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { entry -> Int32? in
            guard let pid = Int32(entry), pid != me,
                  let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            let cmdline = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return cmdline.contains(marker) ? pid : nil
        }
    }
}
