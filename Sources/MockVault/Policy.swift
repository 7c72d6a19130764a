import GoValues
/// One ACL policy: `path "glob" { capabilities = [...] }` rules parsed from the HCL subset Vault policies use.
struct Policy: Sendable {
    /// One `path` block.
    struct Rule: Sendable, Equatable {
        var pattern: String
        var permissions: PathPermissions
    }

    var name: String
    var text: String
    var rules: [Rule]
    var version: Int
    var modified: String
}

/// A capability named in a policy.
enum Capability: String, Sendable, CaseIterable {
    case create, read, update, patch, delete, list, sudo, deny, scan
}

/// A policy text could not be parsed; `description` is Vault's message after "failed to parse policy: ".
struct PolicyParseError: Error, CustomStringConvertible {
    let description: String
}

/// The subset of HCL that Vault policies use.
struct PolicyParser {
    private enum Token: Equatable {
        case ident(String), string(String), number(Int), lbrace, rbrace, lbracket, rbracket, equals, comma, eof
    }

    private struct Located {
        let token: Token
        let line: Int
        let column: Int
    }

    private var tokens: [Located] = []
    private var position = 0

    /// Parses `text` into rules.
    static func parse(_ text: String) throws -> [Policy.Rule] {
        var parser = PolicyParser()
        parser.tokens = try tokenize(text)
        return try parser.parseBody()
    }

    private static func tokenize(_ text: String) throws -> [Located] {
        var out: [Located] = []
        let chars = Array(text)
        var i = 0, line = 1, column = 1
        func advance() {
            if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { advance(); continue }
            if c == "#" || (c == "/" && i + 1 < chars.count && chars[i + 1] == "/") {
                while i < chars.count, chars[i] != "\n" { advance() }
                continue
            }
            if c == "/" && i + 1 < chars.count && chars[i + 1] == "*" {
                while i < chars.count, !(chars[i] == "*" && i + 1 < chars.count && chars[i + 1] == "/") { advance() }
                if i < chars.count { advance(); advance() }
                continue
            }
            let startLine = line, startColumn = column
            switch c {
            case "{": out.append(Located(token: .lbrace, line: line, column: column)); advance()
            case "}": out.append(Located(token: .rbrace, line: line, column: column)); advance()
            case "[": out.append(Located(token: .lbracket, line: line, column: column)); advance()
            case "]": out.append(Located(token: .rbracket, line: line, column: column)); advance()
            case "=": out.append(Located(token: .equals, line: line, column: column)); advance()
            case ",": out.append(Located(token: .comma, line: line, column: column)); advance()
            case "\"":
                advance()
                var value = ""
                while i < chars.count, chars[i] != "\"" {
                    if chars[i] == "\\", i + 1 < chars.count { advance() }
                    if chars[i] == "\n" { throw PolicyParseError(description: "At \(startLine):\(startColumn): literal not terminated") }
                    value.append(chars[i])
                    advance()
                }
                guard i < chars.count else { throw PolicyParseError(description: "At \(startLine):\(startColumn): literal not terminated") }
                advance()
                out.append(Located(token: .string(value), line: startLine, column: startColumn))
            case _ where c.isNumber || (c == "-" && i + 1 < chars.count && chars[i + 1].isNumber):
                var digits = String(c)
                advance()
                while i < chars.count, chars[i].isNumber { digits.append(chars[i]); advance() }
                out.append(Located(token: .number(Int(digits) ?? 0), line: startLine, column: startColumn))
            default:
                guard c.isLetter || c == "_" else {
                    throw PolicyParseError(description: "At \(line):\(column): illegal char")
                }
                var word = ""
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "-" {
                    word.append(chars[i])
                    advance()
                }
                out.append(Located(token: .ident(word), line: startLine, column: startColumn))
            }
        }
        out.append(Located(token: .eof, line: line, column: column))
        return out
    }

    private var current: Located { tokens[min(position, tokens.count - 1)] }

    private func describe(_ token: Token) -> String {
        switch token {
        case .eof: return "EOF"
        case let .ident(s): return "IDENT \(s)"
        case let .string(s): return "STRING \"\(s)\""
        case let .number(n): return "NUMBER \(n)"
        case .lbrace: return "LBRACE"
        case .rbrace: return "RBRACE"
        case .lbracket: return "LBRACK"
        case .rbracket: return "RBRACK"
        case .equals: return "ASSIGN"
        case .comma: return "COMMA"
        }
    }

    private func failure(_ message: String) -> PolicyParseError {
        PolicyParseError(description: "At \(current.line):\(current.column): \(message)")
    }

    /// An HCL value as a policy holds it.
    private enum Value {
        case string(String), number(Int), bool(Bool), list([Value]), object([(String, Value)])

        var json: JSONValue {
            switch self {
            case let .string(s): return .string(s)
            case let .number(n): return .int(n)
            case let .bool(b): return .bool(b)
            case let .list(items): return .array(items.map(\.json))
            case let .object(members): return .object(members.map { ($0.0, $0.1.json) })
            }
        }

        var strings: [String] {
            switch self {
            case let .string(s): return [s]
            case let .list(items): return items.flatMap(\.strings)
            default: return []
            }
        }
    }

    static let topLevelKeys: Set<String> = ["name", "path"]
    static let pathKeys: Set<String> = [
        "comment", "policy", "capabilities", "allowed_parameters", "denied_parameters", "required_parameters",
        "min_wrapping_ttl", "max_wrapping_ttl", "mfa_methods", "pagination_limit", "expiration",
        "list_scan_response_keys_filter_path", "control_group",
    ]

    /// go-multierror's text for `errors`.
    static func multierror(_ errors: [String]) -> String {
        let head = errors.count == 1 ? "1 error occurred:" : "\(errors.count) errors occurred:"
        return head + errors.map { "\n\t* " + $0 }.joined() + "\n\n"
    }

    private mutating func parseBody() throws -> [Policy.Rule] {
        var blocks: [(pattern: String, line: Int, members: [(String, Value, Int)])] = []
        var invalid: [String] = []
        while current.token != .eof {
            guard case let .ident(keyword) = current.token else {
                throw failure("expected: IDENT | STRING got: \(describe(current.token))")
            }
            let keywordLine = current.line
            position += 1
            if current.token == .equals {
                // `name = "x"` (ignored) or another top-level assignment.
                position += 1
                _ = try parseValue()
                if !Self.topLevelKeys.contains(keyword) { invalid.append("invalid key \"\(keyword)\" on line \(keywordLine)") }
                continue
            }
            guard case let .string(pattern) = current.token else {
                throw failure("expected start of object ('{') or assignment ('=')")
            }
            position += 1
            guard current.token == .lbrace else { throw failure("expected start of object ('{') or assignment ('=')") }
            let members = try parseObjectMembers()
            if !Self.topLevelKeys.contains(keyword) { invalid.append("invalid key \"\(keyword)\" on line \(keywordLine)") }
            if keyword == "path" { blocks.append((pattern, keywordLine, members)) }
        }
        if !invalid.isEmpty { throw PolicyParseError(description: Self.multierror(invalid)) }
        // OpenBao prefixes every error of a path block with the path (some already name it: they show it twice).
        return try blocks.map { block in
            do { return try Self.rule(pattern: block.pattern, members: block.members) } catch {
                throw PolicyParseError(description: "path \"\(block.pattern)\": \(error)")
            }
        }
    }

    /// The members of `{ ... }` at the current token (which is `{`), with the line of each `=`.
    private mutating func parseObjectMembers() throws -> [(String, Value, Int)] {
        position += 1
        var members: [(String, Value, Int)] = []
        while current.token != .rbrace {
            let key: String
            switch current.token {
            case let .ident(k), let .string(k): key = k
            case .comma: position += 1; continue
            case .eof: throw failure("object expected closing RBRACE got: EOF")
            default: throw failure("expected: IDENT | STRING got: \(describe(current.token))")
            }
            position += 1
            if current.token == .lbrace {
                let line = current.line
                members.append((key, .object(try parseObjectMembers().map { ($0.0, $0.1) }), line))
                continue
            }
            guard current.token == .equals else { throw failure("key '\(key)' expected start of object ('{') or assignment ('=')") }
            let line = current.line
            position += 1
            members.append((key, try parseValue(), line))
        }
        position += 1
        return members
    }

    private static func rule(pattern rawPattern: String, members: [(String, Value, Int)]) throws(PolicyParseError) -> Policy.Rule {
        let invalid = members.filter { !pathKeys.contains($0.0) }.map { "invalid key \"\($0.0)\" on line \($0.2)" }
        if !invalid.isEmpty { throw PolicyParseError(description: multierror(invalid)) }
        let pattern = rawPattern.hasPrefix("/") ? String(rawPattern.dropFirst()) : rawPattern
        if pattern.contains("+*") {
            throw PolicyParseError(description: "path \"\(pattern)\": invalid use of wildcards ('+*' is forbidden)")
        }
        var permissions = PathPermissions()
        var capabilities: [String] = []
        for (key, value, _) in members {
            switch key {
            case "policy":
                for legacy in value.strings { capabilities += try legacyCapabilities(legacy, pattern: rawPattern) }
            case "capabilities": capabilities += value.strings
            case "min_wrapping_ttl", "max_wrapping_ttl":
                let seconds: Int?
                switch value {
                case let .number(n): seconds = n
                case let .string(s): seconds = GoDuration.seconds(s)
                default: seconds = nil
                }
                guard let seconds else {
                    throw PolicyParseError(description: "error parsing \(key): time: invalid duration \"\(value.strings.first ?? "")\"")
                }
                if key == "min_wrapping_ttl" { permissions.minWrappingTTL = seconds } else { permissions.maxWrappingTTL = seconds }
            case "allowed_parameters", "denied_parameters":
                guard case let .object(entries) = value else { continue }
                let rules = Dictionary(entries.map { ($0.0.lowercased(), Self.listValues($0.1)) }, uniquingKeysWith: { _, last in last })
                if key == "allowed_parameters" { permissions.allowedParameters = rules } else { permissions.deniedParameters = rules }
            case "required_parameters": permissions.requiredParameters = value.strings
            default: continue
            }
        }
        for capability in capabilities {
            guard let cap = Capability(rawValue: capability) else {
                throw PolicyParseError(description: "path \"\(rawPattern)\": invalid capability \"\(capability)\"")
            }
            if cap == .deny {
                permissions.capabilities = [.deny]
                break
            }
            permissions.capabilities.insert(cap)
        }
        if permissions.minWrappingTTL != 0, permissions.maxWrappingTTL != 0, permissions.maxWrappingTTL < permissions.minWrappingTTL {
            throw PolicyParseError(description: "max_wrapping_ttl cannot be less than min_wrapping_ttl")
        }
        return Policy.Rule(pattern: pattern, permissions: permissions)
    }

    private static func listValues(_ value: Value) -> [JSONValue] {
        if case let .list(items) = value { return items.map(\.json) }
        return [value.json]
    }

    private static func legacyCapabilities(_ value: String, pattern: String) throws(PolicyParseError) -> [String] {
        switch value {
        case "deny": return ["deny"]
        case "read": return ["read", "list"]
        case "write": return ["create", "read", "update", "delete", "list"]
        case "sudo": return ["create", "read", "update", "delete", "list", "sudo"]
        default: throw PolicyParseError(description: "path \"\(pattern)\": invalid policy \"\(value)\"")
        }
    }

    private mutating func parseValue() throws -> Value {
        switch current.token {
        case let .string(s):
            position += 1
            return .string(s)
        case let .number(n):
            position += 1
            return .number(n)
        case let .ident(word) where word == "true" || word == "false":
            position += 1
            return .bool(word == "true")
        case .lbracket:
            position += 1
            var items: [Value] = []
            while true {
                if current.token == .rbracket { position += 1; return .list(items) }
                switch current.token {
                case .string, .number, .lbrace, .lbracket, .ident("true"), .ident("false"): items.append(try parseValue())
                case .eof: throw failure("error parsing list, expected comma or list end, got: EOF")
                default: throw failure("error parsing list, expected comma or list end, got: \(describe(current.token))")
                }
                if current.token == .comma { position += 1; continue }
                if current.token == .rbracket { continue }
                throw failure("error parsing list, expected comma or list end, got: \(describe(current.token))")
            }
        case .lbrace:
            return .object(try parseObjectMembers().map { ($0.0, $0.1) })
        default:
            throw failure("Unknown token: \(describe(current.token))")
        }
    }
}
