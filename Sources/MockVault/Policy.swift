/// One ACL policy: `path "glob" { capabilities = [...] }` rules parsed from the HCL subset Vault policies use.
struct Policy: Sendable {
    /// One `path` block.
    struct Rule: Sendable, Equatable {
        var pattern: String
        var capabilities: Set<Capability>
    }

    var name: String
    var text: String
    var rules: [Rule]
    var version: Int
    var modified: String
}

/// A capability named in a policy.
enum Capability: String, Sendable, CaseIterable {
    case create, read, update, patch, delete, list, sudo, deny, subscribe
    case recover
}

/// A policy text could not be parsed; `description` is Vault's message after "failed to parse policy: ".
struct PolicyParseError: Error, CustomStringConvertible {
    let description: String
}

/// The subset of HCL that Vault policies use.
struct PolicyParser {
    private enum Token: Equatable {
        case ident(String), string(String), lbrace, rbrace, lbracket, rbracket, equals, comma, eof
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

    private mutating func parseBody() throws -> [Policy.Rule] {
        var rules: [Policy.Rule] = []
        while current.token != .eof {
            guard case let .ident(keyword) = current.token else {
                throw failure("expected: IDENT | STRING got: \(describe(current.token))")
            }
            position += 1
            guard case let .string(pattern) = current.token else {
                throw failure("expected start of object ('{') or assignment ('=')")
            }
            position += 1
            guard current.token == .lbrace else { throw failure("expected start of object ('{') or assignment ('=')") }
            position += 1
            var capabilities = Set<Capability>()
            while current.token != .rbrace {
                guard case let .ident(key) = current.token else {
                    if current.token == .eof { throw failure("object expected closing RBRACE got: EOF") }
                    throw failure("expected: IDENT | STRING got: \(describe(current.token))")
                }
                position += 1
                guard current.token == .equals else { throw failure("key '\(key)' expected start of object ('{') or assignment ('=')") }
                position += 1
                let values = try parseValue()
                switch key {
                case "capabilities":
                    for value in values {
                        guard let cap = Capability(rawValue: value) else {
                            throw PolicyParseError(description: "path \"\(pattern)\": path \"\(pattern)\": invalid capability \"\(value)\"")
                        }
                        capabilities.insert(cap)
                    }
                case "policy":
                    for value in values { capabilities.formUnion(try Self.legacyCapabilities(value, pattern: pattern)) }
                default:
                    continue
                }
            }
            position += 1
            if keyword == "path" {
                rules.append(Policy.Rule(pattern: pattern, capabilities: capabilities))
            }
        }
        return rules
    }

    private static func legacyCapabilities(_ value: String, pattern: String) throws -> Set<Capability> {
        switch value {
        case "deny": return [.deny]
        case "read": return [.read, .list]
        case "write": return [.create, .read, .update, .delete, .list]
        case "sudo": return [.create, .read, .update, .delete, .list, .sudo]
        default: throw PolicyParseError(description: "path \"\(pattern)\": path \"\(pattern)\": invalid policy \"\(value)\"")
        }
    }

    private mutating func parseValue() throws -> [String] {
        switch current.token {
        case let .string(s):
            position += 1
            return [s]
        case .lbracket:
            position += 1
            var items: [String] = []
            while true {
                if current.token == .rbracket { position += 1; return items }
                guard case let .string(s) = current.token else {
                    if current.token == .eof { throw failure("error parsing list, expected comma or list end, got: EOF") }
                    throw failure("error parsing list, expected comma or list end, got: \(describe(current.token))")
                }
                items.append(s)
                position += 1
                if current.token == .comma { position += 1; continue }
                if current.token == .rbracket { continue }
                throw failure("error parsing list, expected comma or list end, got: \(describe(current.token))")
            }
        case .lbrace:
            // Nested objects (allowed_parameters and the like) are skipped.
            var depth = 0
            repeat {
                if current.token == .lbrace { depth += 1 }
                if current.token == .rbrace { depth -= 1 }
                if current.token == .eof { throw failure("object expected closing RBRACE got: EOF") }
                position += 1
            } while depth > 0
            return []
        default:
            if case .ident = current.token { position += 1; return [] }
            throw failure("Unknown token: \(describe(current.token))")
        }
    }
}
