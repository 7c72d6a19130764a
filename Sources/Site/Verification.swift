import Foundation

/// A how-to's last verification, as `howto test --report json:PATH` recorded it: shown on its page and on
/// the listings when the site is built with `--results`.
public struct Verification: Sendable, Hashable {
    /// The run's verdict (`passed`, `failed`, `not-runnable`, ...).
    public var verdict: String
    /// Steps that passed, of all the steps the run planned (cleanup excluded).
    public var stepsPassed: Int
    /// All the steps the run planned.
    public var stepsTotal: Int
    /// `mock` or `live`, nil for a report that does not say.
    public var vault: String?
    /// The Vault version, when the report names it (`OpenBao 2.7.2`).
    public var vaultVersion: String?
    /// The Kong Gateway version of the run.
    public var gateway: String?
    /// When the run finished (ISO 8601), nil when the report does not say.
    public var finishedAt: String?
    /// The first failing step, when the run failed.
    public var failedStep: FailedStep?

    /// A failing step: its section and its line in the how-to.
    public struct FailedStep: Sendable, Hashable {
        /// The section (heading) the step sits under.
        public var section: String
        /// Its line in the how-to.
        public var line: Int
    }
}

/// The verifications of a set of JSON reports (files, or folders of `*.json`), by the real path of each how-to.
public struct VerificationResults: Sendable {
    /// A report that cannot be read or is not one of `howto test`'s.
    public struct ReadError: Error, CustomStringConvertible {
        /// What is wrong, with the file's path.
        public let description: String
    }

    /// Each how-to's newest verification, keyed by the how-to file's real path.
    public private(set) var byFile: [String: Verification] = [:]

    /// No results: pages look as without `--results`.
    public init() {}

    /// Reads every report under `paths`; a newer run of a how-to replaces an older one.
    public init(paths: [String]) throws(ReadError) {
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ReadError(description: "\(path): no such results file or folder")
            }
            let files = isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
                    .map { (path as NSString).appendingPathComponent($0) }
                : [path]
            for file in files { try read(file) }
        }
    }

    /// The verification of the how-to at `file`, if a report has one.
    public func verification(of file: String) -> Verification? {
        // Without results no page pays for resolving its path.
        byFile.isEmpty ? nil : byFile[Self.key(file)]
    }

    private mutating func read(_ file: String) throws(ReadError) {
        guard let data = FileManager.default.contents(atPath: file) else { throw ReadError(description: "\(file): cannot be read") }
        let report: ReportFile
        do {
            report = try JSONDecoder().decode(ReportFile.self, from: data)
        } catch {
            throw ReadError(description: "\(file): not a JSON report of `howto test --report json:PATH` (\(Self.reason(error)))")
        }
        guard report.tool == "howto" else { throw ReadError(description: "\(file): not a JSON report of `howto test` (tool is not howto)") }
        for tutorial in report.tutorials {
            let failed = tutorial.steps.first { $0.status == "failed" || $0.status == "timed-out" }
            let verification = Verification(
                verdict: tutorial.verdict, stepsPassed: tutorial.steps.count { $0.status == "passed" }, stepsTotal: tutorial.steps.count,
                vault: report.run?.vault, vaultVersion: report.run?.vaultVersion, gateway: report.run?.gateway,
                finishedAt: report.run?.finishedAt, failedStep: failed.map { .init(section: $0.step.section, line: $0.step.location.line) })
            let key = Self.key(tutorial.file)
            if let known = byFile[key], (known.finishedAt ?? "") > (verification.finishedAt ?? "") { continue }
            byFile[key] = verification
        }
    }

    /// The real path of `file` (relative paths are the ones the run was given, from the current folder).
    private static func key(_ file: String) -> String {
        URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "no `\((context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: "."))`"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "`\(context.codingPath.map(\.stringValue).joined(separator: "."))` has the wrong type"
        case DecodingError.dataCorrupted(let context):
            context.debugDescription
        default:
            "\(error)"
        }
    }

    /// The part of `JSONReport`'s document a page shows.
    private struct ReportFile: Decodable {
        struct Run: Decodable {
            var vault: String
            var vaultVersion: String?
            var gateway: String
            var finishedAt: String
        }
        struct Tutorial: Decodable {
            var file: String
            var verdict: String
            var steps: [StepEntry]
        }
        struct StepEntry: Decodable {
            struct Step: Decodable {
                struct Location: Decodable { var line: Int }
                var section: String
                var location: Location
            }
            var step: Step
            var status: String
        }
        var tool: String
        var run: Run?
        var tutorials: [Tutorial]
    }
}
