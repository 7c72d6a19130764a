import HowToPlan
import Diagnostics
import Foundation

/// GitHub Actions output: `::error file=…,line=…::` annotations and a Markdown job summary.
public enum GitHubReport {
    /// One workflow command per failing step, step that cannot run here and failing cleanup.
    public static func annotations(_ results: [TutorialResult]) -> String {
        var out = ""
        for r in results {
            if let f = r.firstFailure {
                out += "::error file=\(property(f.step.location.file)),line=\(f.step.location.line),title=\(property("howto: \(f.step.section)"))::\(data(f.message ?? "step failed"))\n"
            }
            for s in r.steps where s.status == .notRunnable {
                out += "::warning file=\(property(s.step.location.file)),line=\(s.step.location.line),title=\(property("howto: not verified"))::\(data(s.message ?? "not runnable here"))\n"
            }
            for c in r.cleanupFailures {
                out += "::warning file=\(property(c.step.location.file)),line=\(c.step.location.line),title=\(property("howto cleanup"))::\(data(c.message ?? "cleanup failed"))\n"
            }
        }
        return out
    }

    /// A Markdown table of the run for `$GITHUB_STEP_SUMMARY`.
    public static func summary(_ results: [TutorialResult]) -> String {
        var md = "## howto test\n\n| How-to | Verdict | Steps | Time |\n|---|---|---|---|\n"
        for r in results {
            let passed = r.steps.filter { $0.status == .passed }.count
            md += "| \(cell(r.title)) | \(r.verdict.rawValue) | \(passed)/\(r.steps.count) | \(String(format: "%.2f s", r.seconds)) |\n"
        }
        for r in results {
            if let f = r.firstFailure {
                md += "\n**\(cell(r.title))** failed at `\(f.step.location)` (\(cell(f.step.section))): \(cell(f.message ?? ""))\n"
            }
            for s in r.steps where s.status == .notRunnable {
                md += "\n**\(cell(r.title))** is not verified: `\(s.step.location)` (\(cell(s.step.section))): \(cell(s.message ?? ""))\n"
            }
        }
        return md
    }

    private static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
