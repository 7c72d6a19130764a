import Foundation
import GoValues

/// `key=value` command arguments as the CLI's kvbuilder reads them: `key=@file` reads
/// a file, `key=-` reads stdin as text, a lone `-` merges a JSON object from stdin, `@file`
/// merges one from a file, and a repeated key becomes a list.
struct KeyValueArguments {
    /// A malformed argument or unreadable input.
    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    /// Parses `arguments`; nil when there were none (the CLI then sends `null`).
    static func parse(_ arguments: [String], stdin: () -> Data) throws(ParseError) -> JSONValue? {
        guard !arguments.isEmpty else { return nil }
        var result: [(String, JSONValue)] = []
        var stdinUsed = false
        func readStdin() throws(ParseError) -> Data {
            guard !stdinUsed else { throw ParseError(description: "stdin already consumed") }
            stdinUsed = true
            return stdin()
        }
        func add(_ key: String, _ value: JSONValue) {
            if let i = result.firstIndex(where: { $0.0 == key }) {
                let old = result[i].1
                result[i].1 = .array((old.arrayValue ?? [old]) + [value])
            } else {
                result.append((key, value))
            }
        }
        for raw in arguments {
            if raw == "-" {
                let data = try readStdin()
                guard let json = try? JSONValue.parse(data), let members = json.objectValue else {
                    throw ParseError(description: "failed to parse JSON input from stdin")
                }
                for (k, v) in members { add(k, v) }
                continue
            }
            guard let eq = raw.firstIndex(of: "=") else {
                // `@FILE` on its own merges a JSON object from the file, as `-` does from stdin.
                if raw.hasPrefix("@") {
                    let path = String(raw.dropFirst())
                    guard let contents = FileManager.default.contents(atPath: path) else {
                        throw ParseError(description: "invalid key/value pair \"\(raw)\": open \(path): no such file or directory")
                    }
                    guard let json = try? JSONValue.parse(contents), let members = json.objectValue else {
                        throw ParseError(description: "failed to parse JSON input from \(path)")
                    }
                    for (k, v) in members { add(k, v) }
                    continue
                }
                throw ParseError(description: "invalid key/value pair \"\(raw)\": format must be key=value")
            }
            let key = String(raw[..<eq])
            var value = String(raw[raw.index(after: eq)...])
            if value.hasPrefix("@") {
                let path = String(value.dropFirst())
                guard let contents = FileManager.default.contents(atPath: path) else {
                    throw ParseError(description: "error reading file: open \(path): no such file or directory")
                }
                value = String(decoding: contents, as: UTF8.self)
            } else if value.hasPrefix("\\@") {
                value.removeFirst()
            } else if value == "-" {
                value = String(decoding: try readStdin(), as: UTF8.self)
            }
            add(key, .string(value))
        }
        return .object(result)
    }

    /// `key=value` flag values (`-options`, `-metadata`) as pairs; entries without `=` are dropped.
    static func pairs(_ values: [String]) -> [(String, JSONValue)] {
        values.compactMap { kv in
            guard let eq = kv.firstIndex(of: "=") else { return nil }
            return (String(kv[..<eq]), .string(String(kv[kv.index(after: eq)...])))
        }
    }

    /// The arguments as a sorted query string (`read PATH k=v`).
    static func query(_ arguments: [String]) -> String? {
        let pairs = arguments.compactMap { arg -> String? in
            guard let eq = arg.firstIndex(of: "=") else { return nil }
            return Self.escape(String(arg[..<eq])) + "=" + Self.escape(String(arg[arg.index(after: eq)...]))
        }.sorted()
        return pairs.isEmpty ? nil : pairs.joined(separator: "&")
    }

    private static func escape(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
