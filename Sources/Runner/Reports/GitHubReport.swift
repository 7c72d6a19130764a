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

    /// How many of a failing step's last output lines the summary shows.
    static let outputLines = 20

    /// A Markdown table of the run for `$GITHUB_STEP_SUMMARY`; each failure with the last lines of its step's
    /// output (secrets already masked) and, when the GitHub variables name the commit, a link to its line.
    public static func summary(_ results: [TutorialResult], environment: [String: String]) -> String {
        var md = "## howto test\n\n| How-to | Verdict | Steps | Time |\n|---|---|---|---|\n"
        for r in results {
            let passed = r.steps.filter { $0.status == .passed }.count
            md += "| \(cell(r.title)) | \(r.verdict.rawValue) | \(passed)/\(r.steps.count) | \(String(format: "%.2f s", r.seconds)) |\n"
        }
        for r in results {
            if let f = r.firstFailure {
                md += "\n**\(cell(r.title))** failed at \(place(f.step.location, environment)) (\(cell(f.step.section))): \(cell(f.message ?? ""))\n"
                md += lastLines(of: f.output)
            }
            for s in r.steps where s.status == .notRunnable {
                md += "\n**\(cell(r.title))** is not verified: \(place(s.step.location, environment)) (\(cell(s.step.section))): \(cell(s.message ?? ""))\n"
            }
        }
        return md
    }

    /// `` `file:line` ``, linked to the line at the run's commit when `GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`
    /// and `GITHUB_SHA` are set (a path under `GITHUB_WORKSPACE` is made relative to it).
    static func place(_ location: SourceLocation, _ environment: [String: String]) -> String {
        let text = "`\(location.file):\(location.line)`"
        guard let server = environment["GITHUB_SERVER_URL"], let repository = environment["GITHUB_REPOSITORY"],
              let sha = environment["GITHUB_SHA"], !server.isEmpty, !repository.isEmpty, !sha.isEmpty else { return text }
        var path = location.file
        if let workspace = environment["GITHUB_WORKSPACE"], !workspace.isEmpty, path.hasPrefix(workspace + "/") {
            path.removeFirst(workspace.count + 1)
        }
        while path.hasPrefix("./") { path.removeFirst(2) }
        guard !path.hasPrefix("/") else { return text }
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        return "[\(text)](\(server)/\(repository)/blob/\(sha)/\(encoded)#L\(location.line))"
    }

    /// The output's last lines in a collapsed block, fenced so that no backticks inside can end it.
    static func lastLines(of output: String) -> String {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tail = Array((lines.last == "" ? lines.dropLast() : lines[...]).suffix(outputLines))
        guard !tail.isEmpty else { return "" }
        var fence = "```"
        while tail.contains(where: { $0.contains(fence) }) { fence += "`" }
        return "\n<details><summary>Last \(tail.count) lines of the step's output</summary>\n\n\(fence)text\n"
            + tail.joined(separator: "\n") + "\n\(fence)\n\n</details>\n"
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
