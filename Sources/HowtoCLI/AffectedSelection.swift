import Foundation
import HowTo
import HowToPlan

/// `howto test --affected-since REV`: the how-tos that the changes since a git revision can break, each with
/// why. A how-to is affected when its file changed, when an include it reads changed (include graphs are
/// followed: the page records every include it read, nested ones too), when a data file it reads
/// (`site.data.NAME`) or the providers file its steps use changed; all are when the site configuration,
/// the templates or howto itself (its `Sources/` or `Package.swift`, in a checkout of howto) changed.
struct AffectedSelection {
    /// A failure to ask git (not a repository, an unknown revision).
    struct GitError: Error, CustomStringConvertible {
        let description: String
    }

    /// The real paths of the files changed since `revision`: tracked changes in the working tree and new files.
    let changed: Set<String>
    /// The repository's top folder.
    let top: String

    /// Asks git in the current folder.
    init(since revision: String) throws(GitError) {
        let top = Self.real(try Self.git(["rev-parse", "--show-toplevel"]).trimmingCharacters(in: .whitespacesAndNewlines))
        let names = try Self.git(["diff", "--name-only", "--no-renames", revision, "--"])
            + Self.git(["ls-files", "--others", "--exclude-standard", "--full-name"])
        changed = Set(names.split(separator: "\n").map { Self.real((top as NSString).appendingPathComponent(String($0))) })
        self.top = top
    }

    /// Why `loaded` is affected, or nil when nothing it depends on changed.
    func reason(for loaded: PlanLoader.Loaded) -> String? {
        let root = Self.real(loaded.contentRoot)
        let parent = (root as NSString).deletingLastPathComponent
        for (file, why) in [(root + "/_data/site.yml", "the site configuration"), (parent + "/jekyll.yml", "the site configuration"),
                            (root + "/_config.yml", "the site configuration"), (parent + "/_config.yml", "the site configuration")]
            where changed.contains(file) {
            return "\(why) changed (\(relative(file)))"
        }
        if let file = changed.first(where: { under($0, top + "/templates") }) { return "the templates changed (\(relative(file)))" }
        if let file = changed.first(where: { $0 == top + "/Package.swift" || under($0, top + "/Sources") }) {
            return "howto itself changed (\(relative(file)))"
        }
        let page = loaded.page
        if changed.contains(Self.real(page.sourcePath)) { return "the how-to changed" }
        if let include = page.includes.first(where: { changed.contains(Self.real($0)) }) {
            return "it reads \(relative(Self.real(include))), which changed"
        }
        if changed.contains(root + "/_data/providers.yml"),
           let provider = (page.plan.steps + page.plan.cleanup).compactMap(\.attributes.provider).first {
            return "its provider `\(provider)` is declared in _data/providers.yml, which changed"
        }
        let texts = ([page.sourcePath] + page.includes).compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
        for file in changed where under(file, root + "/_data") {
            let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            if texts.contains(where: { Self.reads(data: name, in: $0) }) {
                return "it reads site.data.\(name) (\(relative(file)) changed)"
            }
        }
        return nil
    }

    /// Whether Liquid in `text` reads `site.data.NAME` (or `data.NAME`, `data['NAME']`).
    static func reads(data name: String, in text: String) -> Bool {
        ["data.\(name)", "data['\(name)']", "data[\"\(name)\"]"].contains { text.contains($0) }
    }

    private func under(_ file: String, _ folder: String) -> Bool { file.hasPrefix(folder + "/") }

    private func relative(_ file: String) -> String {
        file.hasPrefix(top + "/") ? String(file.dropFirst(top.count + 1)) : file
    }

    private static func real(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private static func git(_ arguments: [String]) throws(GitError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { throw GitError(description: "--affected-since needs git: \(error)") }
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitError(description: "--affected-since: git \(arguments.joined(separator: " ")) failed: "
                + message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return output
    }
}
