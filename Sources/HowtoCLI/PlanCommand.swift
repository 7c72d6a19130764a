import ArgumentParser
import Foundation
import HowToPlan

/// `howto plan FILE`: the steps a how-to would run, in order, with their sources.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Print the steps of a how-to.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    @Option(name: .long, help: "Deployment topology (\(Topology.allCases.map(\.rawValue).joined(separator: " or "))).")
    var topology: Topology = .onPrem

    @Argument(help: "The how-to file.")
    var file: String

    func run() async throws {
        let loaded = try PlanLoader(contentRoot: options.content, strict: options.strict, topology: topology).load([file])
        guard let plan = loaded.first?.plan else { throw ExitCode.badInput }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(plan), as: UTF8.self))
        case .text:
            print(Self.text(plan))
        }
    }

    /// The human-readable listing.
    static func text(_ plan: Plan) -> String {
        var lines = ["\(plan.title) (\(plan.file), \(plan.topology.rawValue)): \(plan.steps.count) steps, \(plan.cleanup.count) cleanup"]
        for step in plan.steps + plan.cleanup {
            var tags = [step.kind.rawValue]
            if step.phase != .body { tags.append(step.phase.rawValue) }
            if let provider = step.attributes.provider { tags.append("provider=\(provider)") }
            if let ready = step.attributes.ready { tags.append("ready=\(ready)") }
            if let timeout = step.attributes.timeoutMilliseconds { tags.append("timeout=\(timeout)ms") }
            if step.attributes.retry > 0 { tags.append("retry=\(step.attributes.retry)") }
            if step.attributes.informational { tags.append("informational") }
            if let validation = step.validation { tags.append(validation.typeName) }
            lines.append("\(step.id.padding(toLength: 4, withPad: " ", startingAt: 0)) \(step.location)  [\(tags.joined(separator: ", "))]  \(step.section)")
            for line in step.script.split(separator: "\n", omittingEmptySubsequences: false).prefix(6) where !line.isEmpty {
                lines.append("       \(line)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
