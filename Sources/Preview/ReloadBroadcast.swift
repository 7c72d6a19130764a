import Foundation
import Synchronization

/// The server-sent events that open pages listen to: `reload` (with the URLs that changed), `problems`
/// (the content's errors, for the overlay) and `ok` (no errors left). New listeners get the current state.
public final class ReloadBroadcast: Sendable {
    /// One server-sent event.
    public struct Event: Sendable, Equatable {
        /// The event's name.
        public var name: String
        /// Its data: one line of JSON.
        public var data: String

        /// The event as it goes on the wire.
        public var wireText: String { "event: \(name)\ndata: \(data)\n\n" }

        /// Open pages at any of `urls` (`*`: every page) load again; `milliseconds` is how long the rebuild took.
        public static func reload(urls: [String], milliseconds: Double) -> Event {
            Event(name: "reload", data: json(["urls": urls, "ms": (milliseconds * 100).rounded() / 100]))
        }

        /// The overlay shows `text` (the errors, one `file:line:col: error: ...` per line).
        public static func problems(_ text: String) -> Event {
            Event(name: "problems", data: json(["text": text]))
        }

        /// The content has no errors: the overlay goes.
        public static let ok = Event(name: "ok", data: "{}")

        private static func json(_ object: [String: Any]) -> String {
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self)
        }
    }

    private struct State {
        var listeners: [UUID: AsyncStream<Event>.Continuation] = [:]
        var current: Event = .ok
        var finished = false
    }

    private let state = Mutex(State())

    /// A broadcast with no listener and no error.
    public init() {}

    /// The events from now on, starting with the current state (`problems` or `ok`).
    public func listen() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream()
        let id = UUID()
        continuation.onTermination = { [weak self] _ in self?.state.withLock { _ = $0.listeners.removeValue(forKey: id) } }
        let open = state.withLock { state in
            guard !state.finished else { return false }
            continuation.yield(state.current)
            state.listeners[id] = continuation
            return true
        }
        // Outside the lock: finishing runs onTermination, which takes it.
        if !open { continuation.finish() }
        return stream
    }

    /// Sends `event` to every listener; `problems` and `ok` also become the state new listeners get.
    public func send(_ event: Event) {
        state.withLock { state in
            if event.name != "reload" { state.current = event }
            for listener in state.listeners.values { listener.yield(event) }
        }
    }

    /// Ends every listener's stream, now and for later ones (the server is stopping).
    public func finish() {
        let listeners = state.withLock { state in
            state.finished = true
            defer { state.listeners = [:] }
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.finish() }
    }
}
