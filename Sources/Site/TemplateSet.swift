import Diagnostics
import Foundation
import HowTo
import Mustache

/// The page templates of a site, parsed once from a folder of `.mustache` files (partials by their path
/// without the extension, as swift-mustache names them), each rendered under `HTMLContentType`.
struct TemplateSet: Sendable {
    /// The templates every build renders.
    enum Name: String, CaseIterable, Sendable {
        case howTo = "how-to"
        case index
        case tag
        case tags
        case sitemap
    }

    let folder: String
    private let library: MustacheLibrary

    /// Loads every template under `root`; parse errors and templates that link out of the folder become
    /// diagnostics with file:line:col.
    init(folder root: SourceRoot) async throws {
        let folder = root.path
        self.folder = folder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SiteError.templatesNotFound(folder)
        }
        HTMLContentType.register
        // The pragma goes in front of the first line: line numbers stay, columns of line 1 shift by its length.
        let pragma = "{{% CONTENT_TYPE: \(HTMLContentType.name) }}"
        var templates: [String: MustacheTemplate] = [:]
        for relative in Self.templateFiles(in: folder) {
            let path = (folder as NSString).appendingPathComponent(relative)
            let bytes: [UInt8]?
            do {
                bytes = try root.contents(of: path)
            } catch {
                throw DiagnosticError([.error(at: SourceLocation(file: path, line: 1), "\(error)")])
            }
            guard let bytes, let text = String(validating: bytes, as: UTF8.self) else { throw SiteError.unreadableTemplate(path) }
            do {
                templates[String(relative.dropLast(".mustache".count))] = try MustacheTemplate(string: pragma + text)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = line == 1 ? max(1, error.context.columnNumber - pragma.count) : error.context.columnNumber
                throw DiagnosticError([.error(at: SourceLocation(file: path, line: line, column: column), "template syntax error: \(error.error)")])
            }
        }
        library = MustacheLibrary(templates: templates)
        for name in Name.allCases where library.getTemplate(named: name.rawValue) == nil {
            throw SiteError.missingTemplate(name: name.rawValue, folder: folder)
        }
    }

    /// Every `*.mustache` under `folder`, relative to it, sorted.
    private static func templateFiles(in folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".mustache") { files.append(relative) }
        }
        return files.sorted()
    }

    /// Renders `context` with the template `name`.
    func render(_ name: Name, _ context: [String: Any]) -> String {
        // Every name was checked in init.
        library.render(context, withTemplate: name.rawValue) ?? ""
    }
}
