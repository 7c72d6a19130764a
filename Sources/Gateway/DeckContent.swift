import Foundation

/// The entities of one or more decK state files, after templating and parsing.
struct DeckContent: Sendable {
    /// Entities by kind, in file order.
    var entities: [String: [GatewayJSON]] = [:]

    private static let formatVersion = "3.0"
    private static let upgradeMessage = """
        Please upgrade your configuration to account for 3.0
        breaking changes using the following command:

        deck convert --from kong-gateway-2.x --to kong-gateway-3.x
        """

    /// Reads `files` (`-` is stdin, named `STDIN` in messages) the way decK does.
    static func read(files: [String], environment: [String: String], io: CommandIO) throws(DeckError) -> DeckContent {
        var content = DeckContent()
        var errors: [String] = []
        var formatVersions: [String] = []
        for file in files {
            let name = file == "-" ? "STDIN" : file
            let text: String
            if file == "-" {
                text = String(decoding: io.readStdin(), as: UTF8.self)
            } else {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw .message("reading state file: stat \(file): no such file or directory")
                }
                text = String(decoding: data, as: UTF8.self)
            }
            do {
                let document = try parse(text, environment: environment)
                guard case .object(let top) = document else {
                    if document != .null {
                        errors.append("reading file \(name): json: cannot unmarshal \(document.luaTypeName == "table" ? "array" : document.luaTypeName) into Go value of type file.Content")
                    }
                    continue
                }
                switch top["_format_version"] {
                case .string(let v)?: formatVersions.append(v)
                case nil, .null?: formatVersions.append("1.1")
                case let other?:
                    errors.append("reading file \(name): json: cannot unmarshal \(other.luaTypeName) into Go struct field Content._format_version of type string")
                }
                for key in top.keys.sorted() where !key.hasPrefix("_") {
                    guard case .array(let items) = top[key] else {
                        errors.append("reading file \(name): json: cannot unmarshal \(top[key]?.luaTypeName ?? "null") into Go struct field Content.\(key) of type array")
                        continue
                    }
                    content.entities[key, default: []] += items
                }
            } catch {
                errors.append("reading file \(name): \(error)")
            }
        }
        if !errors.isEmpty { throw .errors(errors) }
        if let bad = formatVersions.first(where: { $0 != formatVersion }) {
            throw .message("cannot apply '\(bad)' config format version to Kong version 3.0 or above.\n" + upgradeMessage)
        }
        return content
    }

    private struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    private static func parse(_ text: String, environment: [String: String]) throws -> GatewayJSON {
        let rendered: String
        do {
            rendered = try DeckTemplate.render(text, environment: environment)
        } catch {
            throw ParseError(description: "parsing file: \(error.message)")
        }
        if rendered.first == " " { throw ParseError(description: "file must not begin with a whitespace") }
        do {
            return try YAMLConversion.parse(rendered)
        } catch {
            throw ParseError(description: "error converting YAML to JSON: yaml: \(error)")
        }
    }
}
