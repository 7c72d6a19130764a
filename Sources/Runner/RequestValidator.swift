import AsyncHTTPClient
import Foundation
import HowToPlan
import NIOCore
import NIOHTTP1

/// Runs a `request-check` validation: an HTTP request whose status and body are checked.
struct RequestValidator {
    let http: HTTPClient
    let session: ShellSession

    /// Sends the request (variables expanded from the session), retrying as the step says.
    func check(_ check: RequestCheck, step: Step, retry: Int, interval: Int) async -> StepResult {
        var last = StepResult(step: step, status: .failed)
        for attempt in 1...max(1, retry + 1) {
            if attempt > 1 { try? await Task.sleep(for: .milliseconds(interval)) }
            last = await once(check, step: step)
            last.attempts = attempt
            if last.status == .passed { break }
        }
        return last
    }

    private func once(_ check: RequestCheck, step: Step) async -> StepResult {
        let variables = await session.variables
        let expand = { (text: String) in Self.expand(text, variables: variables) }
        var request = HTTPClientRequest(url: expand(check.url))
        request.method = .init(rawValue: check.method.uppercased())
        for header in check.headers {
            guard let colon = header.firstIndex(of: ":") else { continue }
            request.headers.add(name: String(header[..<colon]).trimmingCharacters(in: .whitespaces),
                                value: expand(String(header[header.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
        }
        if let body = check.body { request.body = .bytes(ByteBuffer(string: expand(body))) }
        let status: Int
        let body: String
        do {
            let response = try await http.execute(request, timeout: .seconds(10))
            status = Int(response.status.code)
            body = String(buffer: try await response.body.collect(upTo: 8 << 20))
        } catch {
            return StepResult(step: step, status: .failed, message: "\(check.method) \(expand(check.url)) failed: \(error)")
        }
        let shown = "HTTP \(status)\n\(body)"
        if status != check.status {
            return StepResult(step: step, status: .failed, output: shown, message: "expected status \(check.status), got \(status)")
        }
        if let needle = check.bodyContains, !body.contains(needle) {
            return StepResult(step: step, status: .failed, output: shown, message: "expected the body to contain \"\(needle)\"")
        }
        let json = try? JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed])
        for (path, expected) in check.jsonEquals.sorted(by: { $0.key < $1.key }) {
            let actual = json.flatMap { Self.lookup(path, in: $0) }.map(Self.text) ?? "nothing"
            if actual != expected {
                return StepResult(step: step, status: .failed, output: shown, message: "expected \(path) to be \"\(expected)\", got \"\(actual)\"")
            }
        }
        var exports: [String] = []
        for (name, path) in check.extract.sorted(by: { $0.key < $1.key }) {
            guard let value = json.flatMap({ Self.lookup(path, in: $0) }) else {
                return StepResult(step: step, status: .failed, output: shown, message: "extract_body: \(path) is not in the response")
            }
            exports.append("export \(name)=\(SessionScript.quote(Self.text(value)))")
        }
        if !exports.isEmpty {
            _ = try? await session.run(exports.joined(separator: "\n"), timeout: .seconds(5))
        }
        return StepResult(step: step, status: .passed, output: shown)
    }

    /// `$NAME` and `${NAME}` replaced by session variables (unset ones by nothing).
    static func expand(_ text: String, variables: [String: String]) -> String {
        guard text.contains("$") else { return text }
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            guard c == "$", text.index(after: i) < text.endIndex else {
                out.append(c)
                i = text.index(after: i)
                continue
            }
            var j = text.index(after: i)
            let braced = text[j] == "{"
            if braced { j = text.index(after: j) }
            var name = ""
            while j < text.endIndex, text[j] == "_" || text[j].isLetter || text[j].isNumber {
                name.append(text[j])
                j = text.index(after: j)
            }
            if braced, j < text.endIndex, text[j] == "}" { j = text.index(after: j) }
            if name.isEmpty {
                out.append(c)
                i = text.index(after: i)
            } else {
                out += variables[name] ?? ""
                i = j
            }
        }
        return out
    }

    /// The value at a dotted path (`data.items.0.name`).
    static func lookup(_ path: String, in json: Any) -> Any? {
        var current: Any? = json
        for key in path.split(separator: ".") {
            if let dict = current as? [String: Any] {
                current = dict[String(key)]
            } else if let array = current as? [Any], let index = Int(key), array.indices.contains(index) {
                current = array[index]
            } else {
                return nil
            }
        }
        return current
    }

    /// A JSON value as text (strings unquoted).
    static func text(_ value: Any) -> String {
        if let s = value as? String { return s }
        if let n = value as? NSNumber { return n.stringValue }
        if value is NSNull { return "null" }
        if let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]) {
            return String(decoding: data, as: UTF8.self)
        }
        return "\(value)"
    }
}
