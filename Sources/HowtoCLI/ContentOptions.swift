import ArgumentParser
import Diagnostics
import Foundation
import Runner

/// Options every content command shares.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "The content directory (how-to/, _includes/, _data/); default: the one holding each how-to, else ./content.")
    var content: String?

    /// `--content`, else `content`.
    var root: String { content ?? "content" }

    @Flag(name: .long, help: "Treat warnings (unknown keys, unknown tags) as errors.")
    var strict = false
}

/// Printing diagnostics the way compilers do, on standard error.
enum DiagnosticPrinter {
    /// Prints each diagnostic as `path:line:col: severity: message`.
    static func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let text = diagnostics.map(\.description).joined(separator: "\n") + "\n"
        StandardStream.error.write(text)
    }
}

/// The content root that holds a how-to: the nearest ancestor with `_data/`, `_includes/`, `how-to/` or Kong's `_how-tos/`.
enum ContentRoot {
    /// The folder names that mark a content root.
    static let markers = ["_data", "_includes", "how-to", "_how-tos"]

    static func containing(_ file: String, fallback: String) -> String {
        var dir = URL(fileURLWithPath: file).deletingLastPathComponent()
        for _ in 0..<8 {
            let fm = FileManager.default
            if markers.contains(where: { fm.fileExists(atPath: dir.appendingPathComponent($0).path) }) {
                return relative(dir.path)
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        return fallback
    }

    private static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}
