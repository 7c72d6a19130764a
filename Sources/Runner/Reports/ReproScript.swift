import Foundation
import Diagnostics
import HowToPlan

/// The script a failed run leaves behind: its steps up to the failure, to replay by hand.
public enum ReproScript {
    /// A bash script for `result`, or nil when nothing failed. Secrets stay masked (`****`): set them yourself.
    public static func make(_ result: TutorialResult) -> String? {
        guard let failure = result.firstFailure else { return nil }
        var script = """
            #!/usr/bin/env bash
            # Reproduces a failed howto run of \(result.file)
            # "\(result.title)": it failed at \(failure.step.location) (\(failure.step.section)):
            #   \(failure.message?.replacingOccurrences(of: "\n", with: "\n#   ") ?? "")
            # Values shown as **** are secrets: set them before running this.

            """
        for r in result.steps {
            guard r.status != .skipped || r.step.id == failure.step.id else { continue }
            script += "\n# \(r.step.id) — \(r.step.section) (\(r.step.location))\n"
            if let provider = r.step.attributes.provider {
                script += "# values supplied by the \(provider) provider during the run:\n"
                for (name, value) in result.variables.sorted(by: { $0.key < $1.key }) where r.step.script.contains(name) {
                    script += "export \(name)='\(value.replacingOccurrences(of: "'", with: "'\\''"))'\n"
                }
            } else if r.step.kind == .background {
                script += "(\n\(r.step.script.trimmingTrailingNewlines())\n) &\n"
            } else {
                script += r.step.script.trimmingTrailingNewlines() + "\n"
            }
            if r.step.id == failure.step.id { break }
        }
        return script
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
