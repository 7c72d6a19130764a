import Diagnostics
import Foundation
import HowToPlan
import Runner

/// One stop: show the step, ask, run it, judge it, save progress.
extension Walkthrough {
    func walkStep(_ index: Int, language: String?, code: String) async -> Action {
        guard let session else { return .quit }
        let step = plan.steps[index]
        let style = screen.style
        var header = "▸ Step \(index + 1) of \(plan.steps.count)"
        if let kind = Self.kindLabel(step) { header += " · " + kind }
        screen.line(style.paint(header, .bold, .magenta) + style.paint("  (\(step.id), line \(step.location.line))", .dim))
        session.learnSecrets(fromScript: step.script)
        screen.lines(renderer.code(session.mask(code), language: language))
        if let values = session.providedValues(for: step) {
            let shown = values.map { "\($0.name)=\($0.secret ? SecretMasker.mask : $0.value)" }.joined(separator: ", ")
            screen.line(style.paint("  --fixtures supplies: \(shown)", .dim))
        }
        var script = step.script
        var last: StepResult?
        if settings.assumeYes {
            guard let filled = await scriptToRun(step, base: script) else { return .interrupted }
            let result = await execute(index, script: filled, quiet: false)
            show(result)
            if Task.isCancelled { return .interrupted }
            // A check howto cannot run is the reader's to look at: the walk goes on.
            if result.status == .passed || result.status == .notRunnable { return await record(index, result, script: script) }
            return .stop
        }
        while true {
            screen.prompt(promptText(after: last))
            guard let answer = await input.line() else { return Task.isCancelled ? .interrupted : .quit }
            switch answer.trimmingCharacters(in: .whitespaces).lowercased() {
            case "", "r", "run", "retry", "y", "yes":
                guard let filled = await scriptToRun(step, base: script) else { return Task.isCancelled ? .interrupted : .quit }
                let result = await execute(index, script: filled, quiet: false)
                last = result
                show(result)
                if Task.isCancelled { return .interrupted }
                if result.status == .passed || result.status == .notRunnable { return await record(index, result, script: script) }
            case "s", "skip":
                var skipped = StepResult(step: step, status: .skipped, message: "skipped by the reader")
                if let last { skipped.message = "skipped by the reader after it failed: \(last.message ?? "")" }
                screen.line(style.paint("  ⤼ skipped", .yellow))
                return await record(index, skipped, script: script)
            case "e", "edit":
                if let edited = await editor.edit(script), edited != script {
                    script = edited
                    screen.line(style.paint("  The step now runs:", .dim))
                    screen.lines(renderer.code(edited, language: "sh"))
                } else {
                    screen.line(style.paint("  The step is unchanged.", .dim))
                }
            case "o", "output":
                guard let last else {
                    screen.line(style.paint("  The step has not run yet.", .dim))
                    continue
                }
                let lines = last.output.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + style.paint("│", .dim) + " " + $0 }
                screen.lines(last.output.isEmpty ? [style.paint("  (no output)", .dim)] : lines)
            case "l", "services": listServices(session)
            case "q", "quit": return .quit
            case "c", "cleanup": return .cleanup
            case "?", "h", "help": screen.lines(Self.help.map { "  " + $0 })
            default: screen.line("  Unknown answer \"\(answer)\". Type ? for the keys.")
            }
        }
    }

    /// Runs the step's script (the reader's version) in the session; streams its output unless `quiet`.
    func execute(_ index: Int, script: String, quiet: Bool) async -> StepResult {
        guard let session else { return StepResult(step: plan.steps[index], status: .failed, message: "no session") }
        var step = plan.steps[index]
        step.script = script
        observer.follow(step.id, quiet: quiet)
        let result = await session.execute(step)
        observer.follow(nil, quiet: quiet)
        results[index] = result
        return result
    }

    /// The script with the reader's values in place of placeholder exports (asked once per name); nil when
    /// the reader left (end of input or Ctrl-C). Provider steps and `--yes` never ask.
    func scriptToRun(_ step: Step, base: String) async -> String? {
        guard let session, session.providedValues(for: step) == nil else { return base }
        let placeholders = PlaceholderExport.find(in: base)
        for placeholder in placeholders where answers[placeholder.name] == nil {
            let inherited = [savedVariables[placeholder.name], settings.environment[placeholder.name]].compactMap { $0 }.first { !$0.isEmpty }
            if let saved = savedVariables[placeholder.name], !saved.isEmpty {
                answers[placeholder.name] = saved
            } else if settings.assumeYes {
                if let inherited { answers[placeholder.name] = inherited }
            } else {
                guard let value = await ask(placeholder, inherited: inherited) else { return nil }
                answers[placeholder.name] = value
            }
            if placeholder.secret, let value = answers[placeholder.name] { session.addSecret(value) }
        }
        return placeholders.isEmpty ? base : PlaceholderExport.fill(base, with: answers)
    }

    private func ask(_ placeholder: PlaceholderExport, inherited: String?) async -> String? {
        let style = screen.style
        while true {
            var question = "  \(style.paint(placeholder.name, .bold)) (\(placeholder.placeholder))"
            if placeholder.secret { question += style.paint(", typed without echo", .dim) }
            if inherited != nil { question += style.paint(", Enter keeps the value already in your environment", .dim) }
            screen.prompt(question + ": ")
            guard let value = placeholder.secret ? await input.secret() : await input.line() else { return nil }
            if !value.isEmpty { return value }
            if let inherited { return inherited }
            screen.line("  A value is needed: the steps below use $\(placeholder.name).")
        }
    }

    /// Saves a finished (passed or skipped) step to the progress file.
    func record(_ index: Int, _ result: StepResult, script: String) async -> Action {
        results[index] = result
        guard let session else { return .next }
        let step = plan.steps[index]
        progress.done.removeAll { $0.id == step.id }
        progress.done.append(.init(
            id: step.id, status: result.status.rawValue, script: script == step.script ? nil : script, state: await session.statePath()))
        // `services` checks each process group in /proc: read it once.
        let running = session.services
        progress.services = running.compactMap { service in
            service.processGroup.map {
                .init(stepID: service.stepID, name: service.name, processGroup: $0, startTime: TutorialSession.processStartTime($0))
            }
        }
        save()
        if step.kind == .background, result.status == .passed, let service = running.last(where: { $0.stepID == step.id }) {
            screen.line(screen.style.paint("  ⟳ running in the background: \(service.name) (pid \(service.processGroup ?? 0)); stopped when you quit or finish", .dim))
        }
        return .next
    }

    func save() {
        do {
            try settings.store.save(progress)
        } catch {
            screen.line(screen.style.paint("warning:", .yellow) + " could not save progress to \(settings.store.file): \(error)")
        }
    }

    /// The verdict line, and what was expected and what came back.
    func show(_ result: StepResult) {
        let style = screen.style
        let time = String(format: "%.2f s", result.seconds)
        switch result.status {
        case .passed:
            screen.line("  " + style.paint("✔ passed", .green, .bold) + style.paint(" \(time)", .dim))
            if let validation = result.step.validation {
                screen.line("  " + style.paint("Validation passed: ", .green) + Self.explain(validation))
            }
        case .skipped:
            screen.line("  " + style.paint("⤼ skipped", .yellow) + ": " + (result.message ?? ""))
        case .notRunnable:
            screen.line("  " + style.paint("? not checked here", .yellow) + ": " + (result.message ?? ""))
        case .failed, .timedOut:
            screen.line("  " + style.paint(result.status == .failed ? "✘ failed" : "✘ timed out", .red, .bold) + style.paint(" \(time)", .dim))
            if let message = result.message { screen.line("  " + style.paint("↳ ", .red) + message) }
            if !settings.assumeYes {
                screen.line(style.paint("  Enter retries it, e edits it first, s skips it, o shows its output, q quits.", .dim))
            }
        }
    }

    private func promptText(after last: StepResult?) -> String {
        let style = screen.style
        let keys = last == nil ? "Enter run · s skip · e edit · q quit · ? help" : "Enter retry · e edit · s skip · o output · q quit"
        return style.paint("  [\(keys)] ", .dim) + style.paint("› ", .bold)
    }

    func listServices(_ session: TutorialSession) {
        let running = session.services
        guard !running.isEmpty else {
            screen.line(screen.style.paint("  No background service is running.", .dim))
            return
        }
        screen.lines(running.map { "  ⟳ \($0.name) (pid \($0.processGroup ?? 0), from step \($0.stepID))" })
    }

    private static func kindLabel(_ step: Step) -> String? {
        switch step.kind {
        case .shell: step.attributes.informational ? "informational" : nil
        case .background: "starts a background service"
        case .deckApply: "decK apply"
        case .validation: "validation"
        case .provider: "values you supply"
        }
    }

    /// What a passed validation checked, in words.
    static func explain(_ validation: Validation) -> String {
        switch validation {
        case let .vaultSecret(secret, value): "`kong vault get \(secret)` printed \"\(value)\", as expected."
        case let .customCommand(command, code, output):
            "`\(command.trimmingCharacters(in: .whitespacesAndNewlines))` exited with \(code)" + (output.map { " and printed \"\($0)\"" } ?? "") + "."
        case let .requestCheck(check): "\(check.method) \(check.url) answered \(check.status)."
        case let .envVariables(names): names.joined(separator: ", ") + (names.count == 1 ? " is set." : " are set.")
        case let .notEmulated(type, needs, _): "The `\(type)` check needs \(needs); check its output yourself."
        }
    }

    static let help = [
        "Enter or r  run the step (again, after a failure)",
        "s           skip it (later steps may then fail)",
        "e           edit its commands first ($VISUAL or $EDITOR, else line by line here)",
        "o           show its output again",
        "l           list the background services the walk started",
        "c           run the cleanup now and end the walk",
        "q           quit: services stop, progress is saved for --resume",
    ]
}
