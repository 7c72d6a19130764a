import ArgumentParser
import Diagnostics
import Foundation
import HowTo
import HowToPlan
import MockIdP

/// Turns the paths given on the command line into plans; any error diagnostic means exit 2.
struct PlanLoader {
    /// `--content` when given: it wins over the root found from each how-to's own path.
    let contentRoot: String?
    let strict: Bool
    let topology: Topology

    /// A loaded how-to and whether the user named it (rather than a directory holding it).
    struct Loaded {
        var page: HowToPage
        var site: SiteConfig
        var explicitlyNamed: Bool
        /// The content root the how-to was read from (its includes, data and providers).
        var contentRoot: String
        /// The providers that root declares (`_data/providers.yml`).
        var providers: [ProviderDeclaration]
        var plan: Plan { page.plan }
    }

    /// Loads every how-to under `paths` (files count as named explicitly); prints diagnostics; throws exit 2 on errors.
    func load(_ paths: [String]) throws -> [Loaded] {
        var files: [(String, Bool)] = []
        var diagnostics: [Diagnostic] = []
        for path in paths.isEmpty ? [contentRoot ?? "content"] : paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(.error(at: SourceLocation(file: path, line: 1), "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                let found = Self.howTos(under: path)
                if found.isEmpty {
                    diagnostics.append(.error(at: SourceLocation(file: path, line: 1), "no how-to (*.md) under this directory, nor under its how-to/ or _how-tos/"))
                }
                files += found.map { ($0, false) }
            } else {
                files.append((path, true))
            }
        }
        var loaded: [Loaded] = []
        var loaders: [String: (ContentLoader, SiteConfig, [ProviderDeclaration])] = [:]
        for (file, explicit) in files {
            let root = contentRoot ?? ContentRoot.containing(file, fallback: "content")
            if loaders[root] == nil {
                let loader = ContentLoader(root: root, strict: strict)
                do {
                    loaders[root] = (loader, try loader.loadSite(), try Providers.declarations(contentRoot: root))
                } catch let error as DiagnosticError {
                    diagnostics += error.diagnostics
                    continue
                }
            }
            guard let (loader, site, providers) = loaders[root] else { continue }
            let (page, found) = loader.load(page: file, site: site, topology: topology)
            diagnostics += found
            guard let page else { continue }
            diagnostics += Self.undeclaredProviders(page.plan, declared: providers, root: root)
            loaded.append(Loaded(page: page, site: site, explicitlyNamed: explicit, contentRoot: root, providers: providers))
        }
        DiagnosticPrinter.print(diagnostics)
        if diagnostics.hasErrors { throw ExitCode.badInput }
        return loaded
    }

    /// An error for every `provider=NAME` step whose provider the content root does not declare: such a step
    /// would silently keep the reader's placeholders.
    static func undeclaredProviders(_ plan: Plan, declared: [ProviderDeclaration], root: String) -> [Diagnostic] {
        let names = Set(declared.map(\.name))
        return (plan.steps + plan.cleanup).compactMap { step in
            guard let name = step.attributes.provider, !names.contains(name) else { return nil }
            let known = names.isEmpty ? "it declares none" : "it declares \(names.sorted().joined(separator: ", "))"
            return .error(at: step.location, "no provider named `\(name)`: declare it in \(root)/_data/providers.yml (\(known))")
        }
    }

    /// The how-tos of a content root (its `how-to/` or Kong's `_how-tos/`), else every how-to under `directory`.
    static func howTos(under directory: String) -> [String] {
        let folder = ContentLoader.howToFolder(in: directory)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue {
            return ContentLoader(root: directory).howToPaths()
        }
        return markdownFiles(under: directory)
    }

    /// Every `*.md` under `directory`, sorted, skipping `_includes` and `_data`.
    static func markdownFiles(under directory: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var paths: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasPrefix("_") || relative.contains("/_") { continue }
            if relative.hasSuffix(".md") { paths.append((directory as NSString).appendingPathComponent(relative)) }
        }
        return paths.sorted()
    }
}
