public import HowToPlan

/// Runs many how-tos: gates (`min_version`, `automated_tests: false`), shards and parallel jobs.
public struct SuiteRunner: Sendable {
    /// A how-to to consider, and whether the user named it on the command line.
    public struct Entry: Sendable {
        public var plan: Plan
        public var explicitlyNamed: Bool

        /// Creates an entry.
        public init(plan: Plan, explicitlyNamed: Bool) {
            self.plan = plan
            self.explicitlyNamed = explicitlyNamed
        }
    }

    /// Runs one how-to that passed the gates (with the gates' notes); the default runs it in this process.
    public typealias Execute = @Sendable (_ plan: Plan, _ notes: [String], _ observer: any RunObserver) async -> TutorialResult

    private let configuration: RunConfiguration
    private let includeUntested: Bool
    private let jobs: Int
    private let makeObserver: @Sendable () -> any RunObserver
    private let execute: Execute?

    /// Creates a suite runner; `makeObserver` gives each how-to its observer (buffer it when `jobs` > 1);
    /// `execute` replaces the in-process run (e.g. one child process per how-to, each in its own network).
    public init(
        configuration: RunConfiguration, includeUntested: Bool = false, jobs: Int = 1,
        makeObserver: @escaping @Sendable () -> any RunObserver, execute: Execute? = nil
    ) {
        self.configuration = configuration
        self.includeUntested = includeUntested
        self.jobs = max(1, jobs)
        self.makeObserver = makeObserver
        self.execute = execute
    }

    /// Runs the entries (in order of the input for reporting), at most `jobs` at a time.
    public func run(_ entries: [Entry]) async -> [TutorialResult] {
        await withTaskGroup(of: (Int, TutorialResult).self) { group in
            var results = [TutorialResult?](repeating: nil, count: entries.count)
            var next = 0
            func launch() {
                guard next < entries.count else { return }
                let index = next
                let entry = entries[index]
                next += 1
                group.addTask { (index, await runOne(entry)) }
            }
            for _ in 0..<min(jobs, entries.count) { launch() }
            while let (index, result) = await group.next() {
                results[index] = result
                if !Task.isCancelled { launch() }
            }
            return results.compactMap { $0 }
        }
    }

    /// Why a how-to is not run, if it is not.
    public func gate(_ entry: Entry) -> (skip: String?, notes: [String]) {
        let plan = entry.plan
        if let required = plan.minVersion["gateway"], Self.compare(required, configuration.gatewayVersion) > 0 {
            return ("min_version gateway \(required) is above the target gateway version \(configuration.gatewayVersion)", [])
        }
        if !plan.automatedTests {
            if entry.explicitlyNamed || includeUntested {
                let why = entry.explicitlyNamed ? "it was named explicitly" : "--include-untested"
                return (nil, ["\(plan.file) says automated_tests: false; running it because \(why)"])
            }
            return ("automated_tests: false (pass the file explicitly or use --include-untested)", [])
        }
        return (nil, [])
    }

    private func runOne(_ entry: Entry) async -> TutorialResult {
        let observer = makeObserver()
        let (skip, notes) = gate(entry)
        if let skip {
            let result = TutorialResult(file: entry.plan.file, title: entry.plan.title, verdict: .skipped, skipReason: skip, notes: notes)
            observer.tutorialStarted(entry.plan)
            observer.note("skipped: \(skip)")
            observer.tutorialFinished(result)
            return result
        }
        if let execute { return await execute(entry.plan, notes, observer) }
        return await TutorialRunner(configuration: configuration, observer: observer).run(entry.plan, notes: notes)
    }

    /// Compares dotted versions numerically (`3.9` < `3.13`).
    public static func compare(_ a: String, _ b: String) -> Int {
        let x = a.split(separator: ".").map { Int($0) ?? 0 }
        let y = b.split(separator: ".").map { Int($0) ?? 0 }
        for i in 0..<max(x.count, y.count) {
            let l = i < x.count ? x[i] : 0
            let r = i < y.count ? y[i] : 0
            if l != r { return l < r ? -1 : 1 }
        }
        return 0
    }
}
