import Diagnostics
import Foundation
import Mustache

/// The page templates of a site, parsed once from a folder of `.mustache` files.
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

    /// Loads every template under `folder`; parse errors become diagnostics with file:line:col.
    init(folder: String) async throws {
        self.folder = folder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SiteError.templatesNotFound(folder)
        }
        do {
            library = try await MustacheLibrary(directory: folder)
        } catch let error as MustacheLibrary.ParserError {
            let location = SourceLocation(
                file: (folder as NSString).appendingPathComponent(error.filename),
                line: error.context.lineNumber, column: error.context.columnNumber)
            throw DiagnosticError([.error(at: location, "template syntax error: \(error.error)")])
        }
        for name in Name.allCases where library.getTemplate(named: name.rawValue) == nil {
            throw SiteError.missingTemplate(name: name.rawValue, folder: folder)
        }
    }

    /// Renders `context` with the template `name`.
    func render(_ name: Name, _ context: [String: Any]) -> String {
        // Every name was checked in init.
        library.render(context, withTemplate: name.rawValue) ?? ""
    }
}
