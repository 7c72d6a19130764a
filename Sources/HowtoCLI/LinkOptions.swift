import ArgumentParser
import Foundation
import HowTo

/// `--allow-links-outside-root`: follow links that lead out of the content (and templates) folder.
///
/// Off by default, so that `check`, `build` and `plan` are safe on content nobody reviewed: a link such as
/// `_includes/env.md -> /proc/self/environ` is an error instead of a published page.
struct LinkOptions: ParsableArguments {
    @Flag(name: .long, help: ArgumentHelp(
        "Follow links in the content and templates folders that lead outside them (unsafe on untrusted content).",
        discussion: "Also set by \(SourceRoot.allowLinksOutsideVariable)=1."))
    var allowLinksOutsideRoot = false

    /// The flag, or the environment variable set to `1`/`true`/`yes`.
    var allowed: Bool {
        if allowLinksOutsideRoot { return true }
        let value = ProcessInfo.processInfo.environment[SourceRoot.allowLinksOutsideVariable]?.lowercased()
        return value == "1" || value == "true" || value == "yes"
    }
}
