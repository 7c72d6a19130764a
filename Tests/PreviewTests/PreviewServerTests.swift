import Foundation
@testable import Preview
import Site
import Testing

/// What the preview server answers, without a socket.
@Suite("Preview server")
struct PreviewServerTests {
    @Test("the live-reload script goes before the last </body>, or at the end of a page without one")
    func scriptInjection() {
        let page = Array("<html><body><p>&lt;/body&gt; in text</p></body></html>".utf8)
        #expect(String(decoding: PreviewServer.withScript(page), as: UTF8.self)
                == "<html><body><p>&lt;/body&gt; in text</p>\(LiveReloadScript.tag)</body></html>")
        #expect(String(decoding: PreviewServer.withScript(Array("<p>bare".utf8)), as: UTF8.self) == "<p>bare\(LiveReloadScript.tag)")
        #expect(PreviewServer.withScript([]) == Array(LiveReloadScript.tag.utf8))
    }

    @Test("site files map to the URLs open pages have")
    func urlsOfFiles() {
        #expect(PreviewServer.urls(of: ["index.html", "how-to/a/index.html", "tags/x/index.html", "search-index.json"])
                == ["/", "/how-to/a/", "/tags/x/", "/search-index.json"])
    }

    @Test("content types by extension, HTML with its charset")
    func contentTypes() {
        #expect(PreviewServer.contentType(of: "how-to/a/index.html") == "text/html; charset=utf-8")
        #expect(PreviewServer.contentType(of: "assets/site.css") == "text/css; charset=utf-8")
        #expect(PreviewServer.contentType(of: "assets/icons/x.SVG") == "image/svg+xml")
        #expect(PreviewServer.contentType(of: "search-index.json") == "application/json")
        #expect(PreviewServer.contentType(of: "blob") == "application/octet-stream")
    }

    @Test("a page is served with the script, a folder without its slash redirects, dot segments and misses are 404")
    func serving() async throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("content").path
        let site = PreviewSite(contentRoot: content, templatesRoot: nil)
        _ = await site.build()
        let server = PreviewServer(site: site)
        let page = server.reply(to: "/how-to/configure-hashicorp-vault-with-oauth2/")
        #expect(page.status == 200)
        #expect(page.contentType == "text/html; charset=utf-8")
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(html.contains("<h1"))
        #expect(html.hasSuffix("\(LiveReloadScript.tag)</body>\n</html>\n"), "the script is not before </body>: \(html.suffix(120))")
        let css = try #require(try FileManager.default.contentsOfDirectory(atPath: content + "/../templates/assets").first { $0.hasSuffix(".css") })
        let style = server.reply(to: "/assets/\(css)")
        #expect(style.status == 200)
        #expect(style.contentType == "text/css; charset=utf-8")
        #expect(!String(decoding: style.body, as: UTF8.self).contains(LiveReloadScript.tag))
        #expect(server.reply(to: "/how-to/configure-hashicorp-vault-with-oauth2")
                == .init(status: 301, location: "/how-to/configure-hashicorp-vault-with-oauth2/"))
        #expect(server.reply(to: "/how-to/../index.html").status == 404)
        #expect(server.reply(to: "/%2e%2e/etc/passwd").status == 404)
        #expect(server.reply(to: "/nothing-here/").status == 404)
        #expect(server.reply(to: "/").status == 200)
    }
}
