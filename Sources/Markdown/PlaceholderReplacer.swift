/// Puts placeholder HTML into rendered HTML in one pass: `<p>TOKEN</p>` and inline `TOKEN`.
///
/// The longest token wins where tokens share a prefix (`X-1` and `X-10`).
struct PlaceholderReplacer {
    private let tokens: [(token: [UInt8], html: [UInt8])]
    private var startsToken = [Bool](repeating: false, count: 256)

    init(_ placeholders: [String: String]) {
        tokens = placeholders.filter { !$0.key.isEmpty }
            .map { (Array($0.key.utf8), Array($0.value.utf8)) }
            .sorted { $0.token.count > $1.token.count }
        for entry in tokens { startsToken[Int(entry.token[0])] = true }
    }

    /// `html` with every token replaced.
    func replace(in html: String) -> String {
        guard !tokens.isEmpty else { return html }
        let bytes = Array(html.utf8)
        let open = Array("<p>".utf8), close = Array("</p>".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var replaced = false
        var i = 0
        while i < bytes.count {
            guard startsToken[Int(bytes[i])], let entry = tokens.first(where: { bytes[i...].starts(with: $0.token) }) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            replaced = true
            let end = i + entry.token.count
            if out.suffix(open.count).elementsEqual(open), bytes[end...].starts(with: close) {
                out.removeLast(open.count)
                i = end + close.count
            } else {
                i = end
            }
            out.append(contentsOf: entry.html)
        }
        return replaced ? String(decoding: out, as: UTF8.self) : html
    }
}
