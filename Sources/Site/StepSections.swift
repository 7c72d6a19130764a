import Foundation

/// A how-to body cut at its top-level H2 headings: the intro before the first H2, then one step per H2.
struct StepSections: Sendable {
    /// One step: its H2 and the content up to the next top-level H2.
    struct Step: Sendable {
        /// 1-based position.
        var number: Int
        /// The step HTML, starting with its `<h2>`.
        var html: String
        /// The H2's `data-deployment-topology`, copied onto the step wrapper.
        var topology: String?
    }

    /// HTML before the first H2 (empty when the body starts with one).
    var intro: String
    /// The steps, in order.
    var steps: [Step]

    /// Elements that can hold a heading; an H2 inside one of them does not start a step.
    private static let containers: [[UInt8]] = ["div", "section", "blockquote", "details", "ul", "ol", "table", "aside", "nav"]
        .map { Array($0.utf8) }

    /// The whole body as intro, no steps (`no_wrap: true`).
    init(intro: String) {
        self.intro = intro
        steps = []
    }

    /// Splits `html` (as rendered by the Markdown module) at H2s that are not nested in a container.
    init(html: String) {
        let bytes = Array(html.utf8)
        var cuts: [Int] = []
        var depth = 0
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            let closing = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/")
            let nameStart = closing ? i + 2 : i + 1
            if !closing, depth == 0, Self.tag(bytes, at: nameStart, is: Array("h2".utf8)) {
                cuts.append(i)
            } else if Self.containers.contains(where: { Self.tag(bytes, at: nameStart, is: $0) }) {
                depth = max(0, depth + (closing ? -1 : 1))
            }
            i += 1
        }
        guard let first = cuts.first else {
            intro = html
            steps = []
            return
        }
        intro = String(decoding: bytes[..<first], as: UTF8.self)
        var steps: [Step] = []
        for (n, start) in cuts.enumerated() {
            let end = n + 1 < cuts.count ? cuts[n + 1] : bytes.count
            let chunk = String(decoding: bytes[start..<end], as: UTF8.self)
            steps.append(Step(number: n + 1, html: chunk, topology: Self.topology(ofHeadingIn: chunk)))
        }
        self.steps = steps
    }

    /// Whether `bytes[at...]` starts with the tag name `name` followed by a space, `>` or `/`.
    private static func tag(_ bytes: [UInt8], at index: Int, is name: [UInt8]) -> Bool {
        let end = index + name.count
        guard end < bytes.count else { return false }
        for k in 0..<name.count where bytes[index + k] | 0x20 != name[k] { return false }
        let next = bytes[end]
        return next == UInt8(ascii: " ") || next == UInt8(ascii: ">") || next == UInt8(ascii: "/")
            || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\t")
    }

    /// The `data-deployment-topology` value of the opening `<h2 ...>` tag of `chunk`.
    private static func topology(ofHeadingIn chunk: String) -> String? {
        guard let tagEnd = chunk.firstIndex(of: ">") else { return nil }
        let openTag = chunk[..<tagEnd]
        let marker = "data-deployment-topology=\""
        guard let start = openTag.range(of: marker)?.upperBound,
              let end = openTag[start...].firstIndex(of: "\"") else { return nil }
        return String(openTag[start..<end])
    }
}

