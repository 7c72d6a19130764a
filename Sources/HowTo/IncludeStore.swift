import Foundation
import Liquid
import Synchronization

/// Reads files under `content/_includes/` once and keeps them (shared by every page of a load).
///
/// An include name may not leave the includes folder (`../`), and the file it names must resolve inside
/// the content root after following links: anything else is refused with `SourceRootError`.
final class IncludeStore: Sendable {
    /// `content/_includes`.
    let root: String
    /// The content root every include must resolve inside.
    let contentRoot: SourceRoot
    /// The includes folder, which include names may not leave.
    private let folder: SourceRoot
    private let cache = Mutex<[String: Result<IncludeSource?, SourceRootError>]>([:])
    /// The include files as Liquid parses them, shared by every page's engine.
    let parsed = LiquidParseCache()

    init(root: String, contentRoot: SourceRoot) {
        self.root = root
        self.contentRoot = contentRoot
        folder = SourceRoot(root)
    }

    /// `X`, `/X` or `X.md` → the file under the includes root, or nil when there is none; throws when the
    /// name leaves the includes folder or the file is a link out of the content root.
    func source(_ name: String) throws(SourceRootError) -> IncludeSource? {
        if let hit = cache.withLock({ $0[name] }) { return try hit.get() }
        let result = Result { () throws(SourceRootError) in try read(name) }
        cache.withLock { $0[name] = result }
        return try result.get()
    }

    private func read(_ name: String) throws(SourceRootError) -> IncludeSource? {
        let path = Self.path(name, root: root)
        guard folder.lexicallyContains(path) else { throw SourceRootError(file: path, target: nil, root: root) }
        return try contentRoot.contents(of: path)
            .flatMap { String(validating: $0, as: UTF8.self) }
            .map { IncludeSource(text: $0, file: path) }
    }

    /// The file path for an include name: the file as named when it is there (Jekyll includes any file,
    /// `_files/batch.jsonl`), else the name with `.md` added.
    static func path(_ name: String, root: String) -> String {
        var name = name.trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
        while name.hasPrefix("/") { name.removeFirst() }
        let path = (root as NSString).appendingPathComponent(name)
        var isFolder: ObjCBool = false
        if path.hasSuffix(".md") || path.hasSuffix(".html") || FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue {
            return path
        }
        return path + ".md"
    }
}
