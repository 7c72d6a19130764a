import Diagnostics
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals
public import Site

/// `howto serve`'s server: the in-memory site with the live-reload script in its pages, the reload events,
/// and the loop that rebuilds what each batch of changed files reaches.
public struct PreviewServer: Sendable {
    /// The site served, built before the server starts.
    public let site: PreviewSite
    /// The events open pages listen to.
    public let broadcast: ReloadBroadcast

    /// A server of `site`.
    public init(site: PreviewSite, broadcast: ReloadBroadcast = ReloadBroadcast()) {
        self.site = site
        self.broadcast = broadcast
    }

    /// Serves on `host:port` (0: any free port) until SIGINT or SIGTERM, rebuilding on `watcher`'s changes.
    /// `onRunning` gets the server's URL once it accepts connections; `onRebuild` each rebuild that did something.
    public func run(host: String, port: Int, watcher: FileWatcher,
                    onRunning: @escaping @Sendable (String) async -> Void,
                    onRebuild: @escaping @Sendable (PreviewSite.Rebuild) async -> Void) async throws {
        var logger = Logger(label: "howto-serve")
        logger.logLevel = .critical
        let changes = try watcher.changes()
        await publishState()
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                await onRunning("http://\(host.contains(":") ? "[\(host)]" : host):\(bound)/")
            },
            logger: logger)
        let rebuilds = RebuildLoop(server: self, changes: changes, onRebuild: onRebuild)
        // Services stop in reverse order: the rebuild loop first, which ends the event streams, then the server.
        let group = ServiceGroup(configuration: .init(services: [app, rebuilds], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// Rebuilds what `changed` reaches and tells open pages: the errors (or none), then which URLs to reload.
    public func rebuild(_ changed: Set<String>) async -> PreviewSite.Rebuild {
        let rebuild = await site.update(changed)
        await publishState()
        if !rebuild.rewritten.isEmpty {
            broadcast.send(.reload(urls: rebuild.full ? ["*"] : Self.urls(of: rebuild.rewritten), milliseconds: rebuild.duration.milliseconds))
        }
        return rebuild
    }

    /// Sends the site's errors, or `ok` when it has none.
    private func publishState() async {
        let problems = await site.problems
        broadcast.send(problems.isEmpty ? .ok : .problems(problems.map(\.description).joined(separator: "\n")))
    }

    /// The URLs that serve site files (`how-to/x/index.html` → `/how-to/x/`).
    static func urls(of files: [String]) -> [String] {
        files.map { file in
            if file == "index.html" { return "/" }
            if file.hasSuffix("/index.html") { return "/" + file.dropLast("index.html".count) }
            return "/" + file
        }
    }

    /// The routes: the script, the events, and every file of the site.
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get(RouterPath(LiveReloadScript.path)) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: LiveReloadScript.source)))
        }
        router.get(RouterPath(LiveReloadScript.eventsPath)) { _, _ in
            let events = broadcast.listen()
            return Response(
                status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: ResponseBody { writer in
                    for await event in events {
                        try await writer.write(ByteBuffer(string: event.wireText))
                    }
                    try await writer.finish(nil)
                })
        }
        router.get("/") { request, _ in serve(request.uri.path) }
        router.get("**") { request, _ in serve(request.uri.path) }
        return router
    }

    /// What the server answers to a GET of one path.
    struct Reply: Equatable {
        /// The HTTP status code.
        var status: Int
        /// The `Content-Type` (nil for a redirect).
        var contentType: String?
        /// Where a redirect goes.
        var location: String?
        /// The body.
        var body: [UInt8] = []
    }

    /// The site file a request path names; HTML gets the live-reload script. A folder without its slash is
    /// redirected to it, as static servers do; anything else is a 404 page (with the script: it may come).
    func reply(to rawPath: String) -> Reply {
        let path = rawPath.removingPercentEncoding ?? rawPath
        var relative = String(path.drop { $0 == "/" })
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        if let bytes = site.file(relative) {
            let type = Self.contentType(of: relative)
            return Reply(status: 200, contentType: type, body: type.hasPrefix("text/html") ? Self.withScript(bytes) : bytes)
        }
        if !path.hasSuffix("/"), site.isFolder(relative) {
            return Reply(status: 301, location: path + "/")
        }
        let page = "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Not found</title><body>"
            + "<h1>Not found</h1><p>Nothing is served at this path.</p></body></html>"
        return Reply(status: 404, contentType: "text/html; charset=utf-8", body: Self.withScript(Array(page.utf8)))
    }

    /// The reply as Hummingbird's response, never cached.
    private func serve(_ rawPath: String) -> Response {
        let reply = reply(to: rawPath)
        var headers: HTTPFields = [.cacheControl: "no-store"]
        if let type = reply.contentType { headers[.contentType] = type }
        if let location = reply.location { headers[.location] = location }
        return Response(status: .init(code: reply.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
    }

    /// The page with the live-reload script before its last `</body>` (at its end when it has none).
    static func withScript(_ html: [UInt8]) -> [UInt8] {
        let closing = Array("</body>".utf8)
        let tag = Array(LiveReloadScript.tag.utf8)
        var index = html.count - closing.count
        while index >= 0 {
            if html[index] == UInt8(ascii: "<"), Array(html[index..<index + closing.count]) == closing {
                return Array(html[..<index]) + tag + Array(html[index...])
            }
            index -= 1
        }
        return html + tag
    }

    /// The content type of a site file, by its extension.
    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        case "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}

/// Rebuilds on each batch of changes until the server stops, then ends the open pages' event streams.
private struct RebuildLoop: Service {
    let server: PreviewServer
    let changes: AsyncStream<Set<String>>
    let onRebuild: @Sendable (PreviewSite.Rebuild) async -> Void

    func run() async throws {
        for await batch in changes.cancelOnGracefulShutdown() {
            let rebuild = await server.rebuild(batch)
            if !rebuild.rewritten.isEmpty || !rebuild.diagnostics.isEmpty { await onRebuild(rebuild) }
        }
        server.broadcast.finish()
    }
}
