import Diagnostics
import Foundation
import TestHelpers
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


}
