import Diagnostics
import Foundation
import HowTo

/// Where a build puts the site's files: a staging directory on disk (`howto build`) or memory (`howto serve`).
protocol SiteWriter: Sendable {
    /// Writes `text` at `relativePath` of the site (a plain relative path, see ``SitePaths/isPlainRelative(_:)``).
    func write(_ text: String, to relativePath: String) throws
    /// Writes `bytes` at `relativePath` of the site.
    func write(bytes: [UInt8], to relativePath: String) throws
    /// Makes the folder `relativePath` of the site (and its parents).
    func makeFolder(_ relativePath: String) throws
}

extension SiteWriter {
    /// Copies the files of the folder `source` (inside `sourceRoot`) to `relativePath`, as plain files:
    /// a link is followed only when it stays inside `sourceRoot` (else it is an error at the link), so
    /// the site never holds a link. A missing source copies nothing.
    func copyFolder(_ source: String, within sourceRoot: SourceRoot, to relativePath: String) throws {
        guard FileManager.default.fileExists(atPath: source), let walker = FileManager.default.enumerator(atPath: source) else { return }
        try makeFolder(relativePath)
        while let entry = walker.nextObject() as? String {
            let file = (source as NSString).appendingPathComponent(entry)
            let target = relativePath + "/" + entry
            let bytes: [UInt8]?
            do {
                guard let real = try sourceRoot.resolve(file) else { continue }
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), isDirectory.boolValue {
                    try makeFolder(target)
                    continue
                }
                bytes = try sourceRoot.contents(of: file)
            } catch let error as SourceRootError {
                throw DiagnosticError([.error(at: SourceLocation(file: file, line: 1), "\(error)")])
            }
            guard let bytes else { throw SiteError.fileSystem(path: file, reason: "cannot read the asset") }
            try write(bytes: bytes, to: target)
        }
    }
}
