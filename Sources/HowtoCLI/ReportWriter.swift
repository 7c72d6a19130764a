import ArgumentParser
import Diagnostics
import Foundation
import Runner

/// Writes the reports a run asked for, GitHub annotations and summary, and repro scripts of failures.
struct ReportWriter {
    let targets: [ReportTarget]
    /// What the run verified against, for the JSON report.
    var run: RunFacts?

    /// Writes every report; one that cannot be written is named on stderr, and the run then exits 2 (bad input).
    func write(_ results: [TutorialResult]) throws {
        var unwritten = false
        for target in targets {
            do {
                let text = target.kind == .junit ? JUnitReport.render(results, run: run) : try JSONReport.render(results, run: run)
                try Self.writeAtomically(text, to: target.path)
            } catch {
                StandardStream.error.write("error: cannot write the report \(target.path): \(error.localizedDescription)\n")
                unwritten = true
            }
        }
        if unwritten {
            StandardStream.error.write("error: the run's verdict is in the output above; its report was not written\n")
            throw ExitCode.badInput
        }
        let environment = ProcessInfo.processInfo.environment
        if environment["GITHUB_ACTIONS"] == "true" { print(GitHubReport.annotations(results), terminator: "") }
        if let summary = environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
            // Appended: other steps of the job write to the same file.
            if !FileManager.default.fileExists(atPath: summary) { _ = FileManager.default.createFile(atPath: summary, contents: nil) }
            if let handle = FileHandle(forWritingAtPath: summary) {
                handle.seekToEndOfFile()
                handle.write(Data(GitHubReport.summary(results, environment: environment).utf8))
                try? handle.close()
            }
        }
        guard let first = targets.first else { return }
        let directory = (first.path as NSString).deletingLastPathComponent
        let failed = results.filter { $0.firstFailure != nil }
        for result in failed {
            guard let script = ReproScript.make(result) else { continue }
            let slug = ((result.file as NSString).lastPathComponent as NSString).deletingPathExtension
            let name = failed.count == 1 ? "repro.sh" : "repro-\(slug).sh"
            let path = directory.isEmpty ? name : directory + "/" + name
            try Self.writeAtomically(script, to: path)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
    }

    private static func writeAtomically(_ text: String, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
