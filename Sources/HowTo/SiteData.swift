import Diagnostics
import Foundation
import Liquid

/// Jekyll's `site.data`: each YAML or JSON file under `_data/` by folder and file name
/// (`_data/products/gateway.yml` is `site.data.products.gateway`), plus the `<product>_latest`,
/// `<product>_releases` and `<tool>_latest` entries Kong's site-data generator adds.
///
/// Only the top-level entries the content names (`site.data.NAME`) are read: Kong's `_data` holds 4.5 MB,
/// most of it changelogs and configuration references that no how-to reads.
struct SiteData {
    /// The `_data` folder.
    let folder: String
    /// Every file read must resolve inside it.
    let sourceRoot: SourceRoot

    /// The extensions Jekyll reads as data (CSV and TSV are not read here).
    static let extensions = ["yml", "yaml", "json"]

    /// The entries named in `names`, with the generated `_latest`/`_releases` ones; throws on unreadable data.
    func load(names: Set<String>) throws(DiagnosticError) -> [String: LiquidValue] {
        // Kong's prerequisites read `entity_examples` in Swift, not through a `site.data.` text the scan would see.
        var wanted = names.union(["entity_examples"])
        let generated = names.filter { $0.hasSuffix("_latest") || $0.hasSuffix("_releases") }
        if !generated.isEmpty { wanted.formUnion(["products", "tools"]) }
        var data: [String: LiquidValue] = [:]
        var visited: Set<String> = []
        for name in wanted.sorted() {
            if let value = try entry((folder as NSString).appendingPathComponent(name), visited: &visited) { data[name] = value }
        }
        for (product, values) in Self.entries(data["products"]) where !product.contains("-") {
            guard case let .array(releases) = values[.string("releases")] else { continue }
            data["\(product)_latest"] = Self.latest(releases)
            data["\(product)_releases"] = .array(releases)
        }
        for (tool, values) in Self.entries(data["tools"]) {
            guard case let .array(releases) = values[.string("releases")], !releases.isEmpty else { continue }
            data["\(tool.replacingOccurrences(of: "-", with: "_"))_latest"] = Self.latest(releases)
        }
        return data
    }

    /// The release marked `latest: true` (Kong's generator takes the first such one).
    private static func latest(_ releases: [LiquidValue]) -> LiquidValue {
        releases.first { $0[.string("latest")] == .bool(true) } ?? .null
    }

    /// The pairs of a dictionary value; none for anything else.
    private static func entries(_ value: LiquidValue?) -> [String: LiquidValue] {
        if case let .dictionary(pairs)? = value { return pairs }
        return [:]
    }

    /// A folder as a dictionary of its entries, or a data file's value; nil when neither is there. A folder is
    /// listed once (`visited` holds real paths, so a link loop ends) and only when it resolves inside the root.
    private func entry(_ path: String, visited: inout Set<String>) throws(DiagnosticError) -> LiquidValue? {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            let real: String?
            do {
                real = try sourceRoot.resolve(path)
            } catch {
                throw DiagnosticError([.error(at: SourceLocation(file: path, line: 1), "\(error)")])
            }
            guard let real, visited.insert(real).inserted else { return nil }
            var values: [String: LiquidValue] = [:]
            let children = (try? FileManager.default.contentsOfDirectory(atPath: real)) ?? []
            for child in children.sorted() where !child.hasPrefix(".") {
                let name = Self.extensions.contains((child as NSString).pathExtension) ? (child as NSString).deletingPathExtension : child
                if let value = try entry((path as NSString).appendingPathComponent(name), visited: &visited) { values[name] = value }
            }
            return .dictionary(values)
        }
        for ext in Self.extensions {
            let file = path + "." + ext
            let bytes: [UInt8]?
            do {
                bytes = try sourceRoot.contents(of: file)
            } catch {
                throw DiagnosticError([.error(at: SourceLocation(file: file, line: 1), "\(error)")])
            }
            guard let bytes else { continue }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw DiagnosticError([.error(at: SourceLocation(file: file, line: 1), "site data is not UTF-8 text")])
            }
            var reader = YAMLReader(file: file, firstLine: 1)
            let root = reader.compose(text)
            if reader.diagnostics.hasErrors { throw DiagnosticError(reader.diagnostics) }
            return root.map(LiquidValue.init(yaml:)) ?? .null
        }
        return nil
    }

    /// The `NAME`s of every `site.data.NAME`, `site.data['NAME']` and `site.data["NAME"]` in `bytes`.
    static func referencedNames(in bytes: [UInt8], into names: inout Set<String>) {
        let marker = Array("site.data".utf8)
        var i = 0
        while i + marker.count < bytes.count {
            guard bytes[i] == marker[0], bytes[i..<(i + marker.count)].elementsEqual(marker) else {
                i += 1
                continue
            }
            var start = i + marker.count
            if bytes[start] == UInt8(ascii: ".") {
                start += 1
            } else if bytes[start] == UInt8(ascii: "["), start + 1 < bytes.count, bytes[start + 1] == UInt8(ascii: "'") || bytes[start + 1] == UInt8(ascii: "\"") {
                start += 2
            } else {
                i = start
                continue
            }
            var end = start
            while end < bytes.count, Self.isNameByte(bytes[end]) { end += 1 }
            if end > start { names.insert(String(decoding: bytes[start..<end], as: UTF8.self)) }
            i = end
        }
    }

    private static func isNameByte(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
    }
}
