import Foundation
import Liquid
import Synchronization

/// Reads files under `content/_includes/` once and keeps them (shared by every page of a load).
final class IncludeStore: Sendable {
    /// `content/_includes`.
    let root: String
    private let cache = Mutex<[String: IncludeSource?]>([:])

    init(root: String) { self.root = root }

    /// `X`, `/X` or `X.md` → the file under the includes root, or nil when there is none.
    func source(_ name: String) -> IncludeSource? {
        if let hit = cache.withLock({ $0[name] }) { return hit }
        let path = Self.path(name, root: root)
        let source = FileManager.default.contents(atPath: path)
            .flatMap { String(data: $0, encoding: .utf8) }
            .map { IncludeSource(text: $0, file: path) }
        cache.withLock { $0[name] = .some(source) }
        return source
    }

    /// The file path for an include name.
    static func path(_ name: String, root: String) -> String {
        var name = name.trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
        while name.hasPrefix("/") { name.removeFirst() }
        if !name.hasSuffix(".md") && !name.hasSuffix(".html") { name += ".md" }
        return (root as NSString).appendingPathComponent(name)
    }
}
