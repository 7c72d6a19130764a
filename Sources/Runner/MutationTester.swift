import Foundation
public import HowToPlan

/// Proves a tutorial's tests can fail: runs every mutant in each Vault mode and compares verdicts.
public struct MutationTester: Sendable {
    /// One mutant's verdicts.
    public struct Row: Sendable, Hashable, Codable {
        public var label: String
        public var mayPass: Bool
        /// Verdict per mode (`mock`, `live`): true when the mutant still passed.
        public var passed: [String: Bool]

        /// Whether this row is what we want: the mutant fails (or may pass), and every mode agrees.
        public var acceptable: Bool {
            let verdicts = Set(passed.values)
            return verdicts.count <= 1 && (mayPass || verdicts == [false])
        }
    }

    private let configurations: [VaultMode: RunConfiguration]

    /// Creates a tester running each mutant under each configuration (keyed by mode).
    public init(configurations: [VaultMode: RunConfiguration]) {
        self.configurations = configurations
    }

    /// Runs the unmodified plan first (it must pass in every mode), then every mutant.
    public func run(_ plan: Plan, progress: @Sendable (String) -> Void = { _ in }) async -> (baseline: [String: Bool], rows: [Row]) {
        var baseline: [String: Bool] = [:]
        for (mode, configuration) in configurations.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let result = await TutorialRunner(configuration: configuration).run(plan)
            // Checks that cannot run here do not count against the baseline: everything that could run passed.
            baseline[mode.rawValue] = result.verdict == .passed || result.verdict == .notRunnable
            progress("baseline \(mode.rawValue): \(result.verdict.rawValue)")
        }
        var rows: [Row] = []
        for mutant in Mutant.all(of: plan) {
            if Task.isCancelled { break }
            var passed: [String: Bool] = [:]
            for (mode, configuration) in configurations.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let result = await TutorialRunner(configuration: configuration).run(mutant.plan)
                // A run with no validation left that can run here proves nothing: it counts as a failure.
                let checks = mutant.plan.steps.contains { step in
                    guard step.kind == .validation else { return false }
                    if case .notEmulated? = step.validation { return false }
                    return true
                }
                passed[mode.rawValue] = (result.verdict == .passed || result.verdict == .notRunnable) && checks
            }
            let row = Row(label: mutant.label, mayPass: mutant.mayPass, passed: passed)
            progress(Self.line(row))
            rows.append(row)
        }
        return (baseline, rows)
    }

    /// `mock: FAIL  live: FAIL  ok   remove s3 (...)`.
    public static func line(_ row: Row) -> String {
        let verdicts = row.passed.keys.sorted().map { "\($0): \(row.passed[$0]! ? "pass" : "FAIL")" }.joined(separator: "  ")
        let status = row.acceptable ? (row.mayPass ? "ok (informational)" : "ok") : "NOT CAUGHT"
        return "\(verdicts)  \(status.padding(toLength: 18, withPad: " ", startingAt: 0)) \(row.label)"
    }
}
