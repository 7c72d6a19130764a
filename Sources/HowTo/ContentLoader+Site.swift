import Diagnostics
import Foundation
import Liquid

extension ContentLoader {
    /// The path of the site data file.
    var siteDataPath: String { (root as NSString).appendingPathComponent("_data/site.yml") }

    /// Reads `_data/site.yml` into a `SiteConfig`; a missing file gives the defaults.
    func readSite() throws(DiagnosticError) -> SiteConfig {
        let path = siteDataPath
        let data: [UInt8]?
        do {
            data = try sourceRoot.contents(of: path)
        } catch {
            throw DiagnosticError([.error(at: SourceLocation(file: path, line: 1), "\(error)")])
        }
        guard let data else { return SiteConfig() }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw DiagnosticError([.error(at: SourceLocation(file: path, line: 1), "site data is not UTF-8 text")])
        }
        var reader = YAMLReader(file: path, firstLine: 1)
        let root = reader.compose(text)
        if reader.diagnostics.hasErrors { throw DiagnosticError(reader.diagnostics) }
        guard let root else { return SiteConfig() }
        guard let pairs = reader.mapping(root, "site data") else { throw DiagnosticError(reader.diagnostics) }
        var site = SiteConfig()
        for (key, _, value) in pairs {
            site.variables[key] = LiquidValue(yaml: value)
            switch key {
            case "title": site.title = reader.string(value, key) ?? site.title
            case "upstream_base_url": site.upstreamBaseURL = reader.string(value, key) ?? site.upstreamBaseURL
            case "allow_raw_html": site.allowRawHTML = reader.bool(value, key) ?? false
            default: break
            }
        }
        if reader.diagnostics.hasErrors { throw DiagnosticError(reader.diagnostics) }
        return site
    }
}
