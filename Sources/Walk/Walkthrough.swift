import Foundation
public import HowTo
import HowToPlan
import Markdown
public import Runner

/// `howto walk`: shows a how-to section by section in the terminal and stops at every step to run, skip,
/// edit, retry or quit; saves progress after each step; stops services on quit, Ctrl-C and at the end.
/// Steps run on the same engine as `howto test` (`TutorialSession`).
public final class Walkthrough: @unchecked Sendable {
    /// What a walk ended with.
    public struct Outcome: Sendable {
        /// The run's result, as `howto test` reports it.
        public var result: TutorialResult
        /// The process exit code.
        public var exitCode: Int32
    }

    /// What the reader (or `--yes`) chose at a step.
    enum Action {
        case next, quit, cleanup, interrupted
        /// `--yes` met a failure: the remaining steps do not run.
        case stop
    }

    let page: HowToPage
    let plan: Plan
    let settings: WalkSettings
    let screen: Screen
    let input: TerminalInput
    let renderer: PassageRenderer
    let observer: WalkObserver
    let editor: StepEditor
    let clock = ContinuousClock()
    let started: ContinuousClock.Instant
    var session: TutorialSession?
    var progress: WalkProgress
    var results: [StepResult?]
    /// Values the reader supplied for placeholder exports, by variable name.
    var answers: [String: String] = [:]
    /// The variables of the session being resumed, which answer its placeholders again.
    var savedVariables: [String: String] = [:]
    var notes: [String] = []

    /// Creates a walk of `page`.
    public init(page: HowToPage, settings: WalkSettings, screen: Screen, input: TerminalInput = TerminalInput()) {
        self.page = page
        self.plan = page.plan
        self.settings = settings
        self.screen = screen
        self.input = input
        self.renderer = PassageRenderer(style: screen.style)
        self.observer = WalkObserver(screen: screen)
        self.editor = StepEditor(environment: settings.environment, scratchDirectory: settings.store.directory)
        self.started = clock.now
        self.progress = WalkProgress(plan: page.plan, fixtures: settings.fixtures, vaultMode: settings.configuration.vaultMode.rawValue)
        self.results = Array(repeating: nil, count: page.plan.steps.count)
    }

    /// Walks the how-to; throws only when the walk cannot start (nothing to resume, a changed how-to).
    public func run() async throws(WalkError) -> Outcome {
        showHeader()
        let start = try await begin()
        guard session != nil else { return outcome(verdict: .failed, reason: nil, exitCode: RunExit.failed) }
        let list = ReadingList(page: page)
        var first = true
        for item in list.items[list.start(forStep: start)...] {
            switch item {
            case let .prose(passages):
                let shown = first && start > 0 ? Self.fromLastSection(passages) : passages
                first = false
                screen.lines(renderer.render(shown) + [""])
            case let .step(index, language, code):
                first = false
                if index < start {
                    screen.line(screen.style.paint("  ✔ step \(index + 1) (\(plan.steps[index].id)) done earlier", .dim))
                    continue
                }
                switch await walkStep(index, language: language, code: code) {
                case .next: screen.line()
                case .quit: return await leave(interrupted: false)
                case .interrupted: return await leave(interrupted: true)
                case .cleanup, .stop: return await end(cleanupNow: true)
                }
            }
        }
        return await end(cleanupNow: false)
    }

    /// Title, description, minimum version, TL;DR and the keys.
    private func showHeader() {
        let style = screen.style
        let fm = page.frontMatter
        var lines = [style.paint(fm.title, .bold), style.paint(String(repeating: "═", count: min(fm.title.count, style.width)), .bold)]
        if let description = fm.description, !description.isEmpty {
            lines += renderer.render([.paragraph([.init(description)])])
        }
        for (product, version) in plan.minVersion.sorted(by: { $0.key < $1.key }) {
            lines.append(style.paint("Minimum version: \(settings.productNames.product(product)) \(version)", .dim))
        }
        if let tldr = fm.tldr, !tldr.a.isEmpty {
            lines.append("")
            lines += renderer.render([.paragraph([.init("TL;DR ", style: .strong), .init(tldr.q, style: .strong)]), .paragraph([.init(tldr.a)])])
        }
        let mode = settings.fixtures ? "--fixtures: the embedded identity provider and mock Vault" : "Vault: \(settings.configuration.vaultMode.rawValue)"
        lines += ["", style.paint("\(plan.steps.count) steps · \(mode)", .dim)]
        if !settings.assumeYes {
            lines += renderer.render([.paragraph([.init(
                "At each step: Enter runs it, s skips it, e edits it, o shows its output again, q quits (progress is saved), ? lists more.")])])
        }
        screen.lines(lines + [""])
    }

    /// The passages from the last section heading on (where a walk that starts mid-way begins).
    private static func fromLastSection(_ passages: [Passage]) -> [Passage] {
        guard let at = passages.lastIndex(where: { if case .heading(2, _) = $0 { true } else { false } }) else { return passages }
        return Array(passages[at...])
    }
}
