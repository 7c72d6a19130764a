import Foundation
public import HowToPlan

/// A deliberately broken copy of a plan, used to prove that the tutorial's tests can fail.
public struct Mutant: Sendable, Hashable {
    /// What was broken.
    public enum Change: Sendable, Hashable {
        /// A step was left out.
        case removed(stepID: String)
        /// One value in one step was changed.
        case value(stepID: String, original: String, replacement: String)
        /// A validation was made to expect another result.
        case expectation(stepID: String)
    }

    /// The change.
    public var change: Change
    /// A one-line description for the report.
    public var label: String
    /// The plan with the change applied.
    public var plan: Plan
    /// Whether a passing run is acceptable (removing a step marked `informational=true`).
    public var mayPass: Bool

    /// Every mutant of `plan`: each step removed, each validation expecting another result, then each value mutation.
    public static func all(of plan: Plan) -> [Mutant] {
        removals(of: plan) + expectationChanges(of: plan) + valueChanges(of: plan)
    }

    /// The plan without each of its steps in turn. A validation is not removed (no later step needs it); it is
    /// made to expect another result instead (`expectationChanges`), which proves that it can fail.
    public static func removals(of plan: Plan) -> [Mutant] {
        plan.steps.filter { $0.kind != .validation }.map { step in
            var mutated = plan
            mutated.steps.removeAll { $0.id == step.id }
            let first = step.script.split(separator: "\n").first.map(String.init) ?? step.kind.rawValue
            return Mutant(
                change: .removed(stepID: step.id), label: "remove \(step.id) (\(step.section): \(first.prefix(60)))",
                plan: mutated, mayPass: step.attributes.informational)
        }
    }

    /// Each validation that runs here, expecting another result: another secret value, exit code, output or status,
    /// or one more variable. Each must then fail.
    public static func expectationChanges(of plan: Plan) -> [Mutant] {
        plan.steps.enumerated().compactMap { index, step in
            guard let validation = step.validation, let other = otherExpectation(than: validation) else { return nil }
            var mutated = plan
            mutated.steps[index].validation = other
            return Mutant(change: .expectation(stepID: step.id),
                          label: "expect another result from \(step.id) (\(step.section): \(validation.typeName))",
                          plan: mutated, mayPass: false)
        }
    }

    /// The validation changed to expect what the tutorial does not produce; nil for one that cannot run here.
    static func otherExpectation(than validation: Validation) -> Validation? {
        switch validation {
        case let .vaultSecret(secret, value):
            return .vaultSecret(secret: secret, value: mutate(value))
        case let .customCommand(command, code, output?):
            return .customCommand(command: command, expectedExitCode: code, expectedOutput: mutate(output))
        case let .customCommand(command, code, nil):
            return .customCommand(command: command, expectedExitCode: code == 0 ? 1 : 0, expectedOutput: nil)
        case let .requestCheck(check):
            var other = check
            other.status = check.status == 200 ? 204 : 200
            return .requestCheck(other)
        case let .envVariables(names):
            return .envVariables(names + ["HOWTO_MUTANT_UNSET_VARIABLE"])
        case .notEmulated:
            return nil
        }
    }

    /// Values a tutorial depends on, changed one at a time: `key=value` arguments of `vault` commands,
    /// role names in `.../role/NAME` paths, and policy `path "..."` globs.
    public static func valueChanges(of plan: Plan) -> [Mutant] {
        var mutants: [Mutant] = []
        for (index, step) in plan.steps.enumerated() where step.kind == .shell || step.kind == .deckApply {
            for (range, original) in candidates(in: step.script) {
                let replacement = mutate(original)
                var mutated = plan
                var script = step.script
                script.replaceSubrange(range, with: replacement)
                mutated.steps[index].script = script
                mutants.append(Mutant(
                    change: .value(stepID: step.id, original: original, replacement: replacement),
                    label: "change \(original) to \(replacement) in \(step.id) (\(step.section))", plan: mutated, mayPass: false))
            }
        }
        return mutants
    }

    // `.../role/NAME` and `path "GLOB"`; `key=value` arguments are found per command line below.
    private static let patterns: [NSRegularExpression] = [
        #"/role/([A-Za-z0-9_-]+)"#,
        #"(?m)^\s*path\s+"([^"\n]+)""#,
    ].map { try! NSRegularExpression(pattern: $0) }

    /// Every distinct mutable value in a script, with its range (the first occurrence of each).
    static func candidates(in script: String) -> [(Range<String.Index>, String)] {
        var found: [(Range<String.Index>, String)] = []
        var seen: Set<Int> = []
        let ns = NSRange(script.startIndex..., in: script)
        for pattern in patterns {
            for match in pattern.matches(in: script, range: ns) {
                guard let range = Range(match.range(at: 1), in: script), !seen.contains(match.range(at: 1).location) else { continue }
                seen.insert(match.range(at: 1).location)
                found.append((range, String(script[range])))
            }
        }
        // Every key=value argument after the command, not only the first two.
        let assignment = try! NSRegularExpression(pattern: #"\s[A-Za-z_][A-Za-z0-9_]*=("[^"\n]*"|'[^'\n]*'|[^\s"'\\]+)"#)
        let commands = try! NSRegularExpression(pattern: #"(?m)^\s*vault\s+(?:write|kv\s+put)\b[^\n]*"#)
        for line in commands.matches(in: script, range: ns) {
            for match in assignment.matches(in: script, range: line.range) {
                guard let range = Range(match.range(at: 1), in: script), !seen.contains(match.range(at: 1).location) else { continue }
                seen.insert(match.range(at: 1).location)
                found.append((range, String(script[range])))
            }
        }
        return found.sorted { $0.0.lowerBound < $1.0.lowerBound }
    }

    /// A changed value of the same shape (quotes kept).
    static func mutate(_ value: String) -> String {
        if let quote = value.first, quote == "\"" || quote == "'", value.last == quote, value.count >= 2 {
            return String(quote) + mutate(String(value.dropFirst().dropLast())) + String(quote)
        }
        if value.hasSuffix("/*") { return String(value.dropLast(2)) + "-mutated/*" }
        return value + "-mutated"
    }
}
