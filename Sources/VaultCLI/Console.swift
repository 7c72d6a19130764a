/// Collects what a command prints, as the CLI's `ui.Output`/`ui.Error` would write it.
final class Console {
    /// Everything written to standard output.
    private(set) var stdout = ""
    /// Everything written to standard error.
    private(set) var stderr = ""
    /// Whether stdout is a terminal (`-field` output then ends with a newline).
    let isTerminal: Bool

    init(isTerminal: Bool) { self.isTerminal = isTerminal }

    /// `ui.Output` / `ui.Info`: a line on stdout.
    func info(_ line: String) { stdout += line + "\n" }

    /// `ui.Error` / `ui.Warn`: a line on stderr.
    func error(_ line: String) { stderr += line + "\n" }

    /// `PrintRaw`: the text alone, plus a newline only on a terminal.
    func raw(_ text: String) {
        stdout += text
        if isTerminal { stdout += "\n" }
    }
}
