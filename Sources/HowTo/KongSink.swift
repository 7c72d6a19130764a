import Diagnostics
import Foundation
import HowToPlan
import Markdown
import Synchronization

/// What Kong blocks leave behind while a page renders: placeholder HTML, tab and topology fragments,
/// validation parameters and diagnostics. Shared by the block handlers of one page render.
final class KongSink: Sendable {
    /// A separately parsed piece of markdown that the page shows through a placeholder.
    enum Fragment: Sendable {
        /// `{% navtabs %}`: tabs in order; only the first one is part of the plan.
        case tabs([Tab])
        /// `{% konnect %}` / `{% on_prem %}`: content for one topology.
        case topology(Topology, MarkdownDocument)
    }

    /// A step a Kong block plans: the fence it writes carries the record's id in `data-test-id`, and the
    /// extractor plans the record, never the fence's text.
    enum PlannedStep: Sendable {
        /// `{% entity_examples %}`: the fence pipes decK YAML to `deck gateway apply -`.
        case deckApply
        /// `{% validation %}` or `entity_example`'s Admin API request: a check.
        case validation(ValidationBlock)
    }

    /// One `{% navtab "Title" %}`.
    struct Tab: Sendable {
        var title: String
        var slug: String
        var document: MarkdownDocument
    }

    private struct State {
        var counter = 0
        var placeholders: [String: (html: String, text: String)] = [:]
        var fragments: [String: Fragment] = [:]
        var tabs: [String: Tab] = [:]
        var plannedSteps: [String: PlannedStep] = [:]
        var diagnostics: [Diagnostic] = []
        var includes: Set<String> = []
    }

    private let state = Mutex(State())

    /// A fresh token made of letters and digits only, so cmark leaves it alone.
    func token(_ kind: String) -> String {
        state.withLock { s in
            s.counter += 1
            return "HOWTO\(kind)\(s.counter)X"
        }
    }

    /// Registers placeholder HTML (and its plain-text form) under a new token.
    func placeholder(html: String, text: String, kind: String = "PH") -> String {
        let token = token(kind)
        state.withLock { $0.placeholders[token] = (html, text) }
        return token
    }

    /// Registers a fragment shown through the placeholder `html`.
    func fragment(_ fragment: Fragment, html: String, text: String) -> String {
        let token = placeholder(html: html, text: text, kind: "FRAG")
        state.withLock { $0.fragments[token] = fragment }
        return token
    }

    /// Stores a parsed tab; returns its reference token.
    func tab(_ tab: Tab) -> String {
        let token = token("TAB")
        state.withLock { $0.tabs[token] = tab }
        return token
    }

    /// The tab stored under `token`.
    func tab(for token: String) -> Tab? { state.withLock { $0.tabs[token] } }

    /// Stores a block's step; returns the id its fence carries in `data-test-id`.
    func plan(_ step: PlannedStep) -> String {
        let id = token("STEP")
        state.withLock { $0.plannedSteps[id] = step }
        return id
    }

    /// The fence's attribute list for a planned step (and any other attributes, such as a topology).
    func fenceAttributes(_ step: PlannedStep, _ extra: String = "") -> String {
        "{: data-test-id=\"\(plan(step))\"\(extra.isEmpty ? "" : " " + extra) }"
    }

    /// Notes that the page read the include file at `path`.
    func used(include path: String) { state.withLock { _ = $0.includes.insert(path) } }

    /// The include files the page read, sorted.
    var usedIncludes: [String] { state.withLock { $0.includes.sorted() } }

    /// The step stored under `id`.
    func plannedStep(for id: String) -> PlannedStep? { state.withLock { $0.plannedSteps[id] } }

    /// The ids of the headings in every fragment so far (each fragment is parsed, and its ids made, on its own).
    var fragmentHeadingIDs: [String] {
        state.withLock { s in
            s.fragments.keys.sorted().flatMap { token -> [String] in
                switch s.fragments[token]! {
                case let .tabs(tabs): tabs.flatMap { $0.document.headings.map(\.id) }
                case let .topology(_, document): document.headings.map(\.id)
                }
            }
        }
    }

    /// The fragment behind a placeholder token.
    func fragment(for token: String) -> Fragment? { state.withLock { $0.fragments[token] } }

    /// Every placeholder's HTML, for the Markdown renderer.
    var placeholderHTML: [String: String] { state.withLock { $0.placeholders.mapValues(\.html) } }

    /// Replaces placeholder tokens in plain text (titles, search text) with their text form.
    func plainText(_ text: String) -> String {
        // A byte scan: Foundation's `range(of:)` (CFString) and the generic `firstRange(of:)` are slow here.
        let bytes = Array(text.utf8)
        guard let first = Self.markerIndex(in: bytes, from: 0) else { return text }
        let placeholders = state.withLock { $0.placeholders }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        var next: Int? = first
        while let start = next {
            var end = start + 5
            while end < bytes.count, (65...90).contains(bytes[end]), bytes[end] != UInt8(ascii: "X") { end += 1 }
            let digitsStart = end
            while end < bytes.count, (48...57).contains(bytes[end]) { end += 1 }
            if end > digitsStart, end < bytes.count, bytes[end] == UInt8(ascii: "X"),
               let value = placeholders[String(decoding: bytes[start...end], as: UTF8.self)]
            {
                out += bytes[copied..<start]
                out += Array(value.text.utf8)
                copied = end + 1
                next = Self.markerIndex(in: bytes, from: end + 1)
            } else {
                next = Self.markerIndex(in: bytes, from: start + 5)
            }
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The index of the next `HOWTO` at or after `from`.
    private static func markerIndex(in bytes: [UInt8], from: Int) -> Int? {
        var i = from
        while i + 5 <= bytes.count {
            if bytes[i] == 72, bytes[i + 1] == 79, bytes[i + 2] == 87, bytes[i + 3] == 84, bytes[i + 4] == 79 { return i }  // "HOWTO"
            i += 1
        }
        return nil
    }

    /// Records diagnostics found inside nested renders.
    func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        state.withLock { $0.diagnostics += diagnostics }
    }

    /// Every diagnostic recorded so far.
    var diagnostics: [Diagnostic] { state.withLock { $0.diagnostics } }
}
