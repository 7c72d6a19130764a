import ArgumentParser
import Diagnostics
import Foundation
import HowTo
import HowToPlan

/// Turns the paths given on the command line into plans; any error diagnostic means exit 2.
struct PlanLoader {
    let contentRoot: String
    let strict: Bool
    let topology: String

    /// A loaded how-to and whether the user named it (rather than a directory holding it).
    struct Loaded {
        var page: HowToPage
        var site: SiteConfig
        var explicitlyNamed: Bool
        var plan: Plan { page.plan }
    }

    /// Loads every how-to under `paths` (files count as named explicitly); prints diagnostics; throws exit 2 on errors.
    func load(_ paths: [String]) throws -> [Loaded] {
        var files: [(String, Bool)] = []
        var diagnostics: [Diagnostic] = []
        for path in paths.isEmpty ? [contentRoot + "/how-to"] : paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(.error(at: SourceLocation(file: path, line: 1), "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                let found = Self.markdownFiles(under: path)
                if found.isEmpty { diagnostics.append(.warning(at: SourceLocation(file: path, line: 1), "no how-to (*.md) under this directory")) }
                files += found.map { ($0, false) }
            } else {
                files.append((path, true))
            }
        }
        var loaded: [Loaded] = []
        var loaders: [String: (ContentLoader, SiteConfig)] = [:]
        for (file, explicit) in files {
            let root = ContentRoot.containing(file, fallback: contentRoot)
            if loaders[root] == nil {
                let loader = ContentLoader(root: root, strict: strict)
                do {
                    loaders[root] = (loader, try loader.loadSite())
                } catch let error as DiagnosticError {
                    diagnostics += error.diagnostics
                    continue
                }
            }
            guard let (loader, site) = loaders[root] else { continue }
            let (page, found) = loader.load(page: file, site: site, topology: topology)
            diagnostics += found
            if let page { loaded.append(Loaded(page: page, site: site, explicitlyNamed: explicit)) }
        }
        DiagnosticPrinter.print(diagnostics)
        if diagnostics.hasErrors { throw ExitCode(2) }
        return loaded
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
