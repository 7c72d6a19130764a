import Foundation
import Highlight
import Testing

/// The lexers: what each piece of code is, and that highlighting never changes the code.
@Suite("Highlighter")
struct HighlighterTests {
    /// The highlighted pieces of `code` (not plain text), as `kind:text`.
    static func marked(_ code: String, _ language: CodeLanguage) -> [String] {
        Highlighter.tokens(code, language: language).filter { $0.kind != .plain }.map { "\($0.kind.rawValue):\($0.text)" }
    }

    static let cases: [(language: CodeLanguage, code: String, marked: [String])] = [
        (.shell, #"vault write -f auth/jwt/config oidc_discovery_url="$ISSUER" # set it"#,
         ["command:vault", "option:-f", "string:\"$ISSUER\"", "comment:# set it"]),
        (.shell, "export VAULT_ADDR=http://127.0.0.1:8200 && curl -s $VAULT_ADDR/v1/sys/health | jq .",
         ["command:export", "operator:&&", "command:curl", "option:-s", "variable:$VAULT_ADDR", "operator:|", "command:jq"]),
        (.shell, "deck gateway apply - <<'EOF'\nservices:\n  - name: example # one\nEOF\necho done",
         ["command:deck", "operator:<<", "string:'EOF'", "key:services", "operator:-", "key:name", "comment:# one", "operator:EOF",
          "command:echo"]),
        (.shell, "echo '\n_format_version: \"3.0\"\nplugins:\n  - name: x\n' | deck gateway apply -",
         ["command:echo", "string:'", "key:_format_version", "string:\"3.0\"", "key:plugins", "operator:-", "key:name", "string:'",
          "operator:|", "command:deck"]),
        (.shell, "cat <<-END > out.yaml\n\tport: 8200\n\tEND\ncat <<< \"$X\"",
         ["command:cat", "operator:<<-", "string:END", "operator:>", "key:port", "number:8200", "operator:\tEND", "command:cat",
          "operator:<<<", "string:\"$X\""]),
        (.shell, "curl -i \\\n  --header \"Kong-Admin-Token: ${TOKEN}\"",
         ["command:curl", "option:-i", "option:--header", "string:\"Kong-Admin-Token: ${TOKEN}\""]),
        (.yaml, "_format_version: \"3.0\"\nvaults:\n  - name: hcv # the backend\n    config:\n      port: 8200\n      tls_verify: false",
         ["key:_format_version", "string:\"3.0\"", "key:vaults", "operator:-", "key:name", "comment:# the backend", "key:config",
          "key:port", "number:8200", "key:tls_verify", "keyword:false"]),
        (.yaml, "---\nurl: http://example.com:8080/path\n- plain item", ["operator:---", "key:url", "operator:-"]),
        (.json, "{\"data\": {\"pass1\": \"secret\", \"ttl\": 60, \"ok\": true, \"none\": null}}",
         ["key:\"data\"", "key:\"pass1\"", "string:\"secret\"", "key:\"ttl\"", "number:60", "key:\"ok\"", "keyword:true", "key:\"none\"", "keyword:null"]),
        (.hcl, "path \"secret/data/*\" {\n  capabilities = [\"read\"] # only\n}",
         ["keyword:path", "string:\"secret/data/*\"", "key:capabilities", "string:\"read\"", "comment:# only"]),
        (.hcl, "listener \"tcp\" {\n  tls_disable = true\n  port = 8200 // dev\n}",
         ["keyword:listener", "string:\"tcp\"", "key:tls_disable", "keyword:true", "key:port", "number:8200", "comment:// dev"]),
        (.http, "POST /v1/auth/jwt/login HTTP/1.1\nContent-Type: application/json\n\n{\"role\": \"kong\"}",
         ["command:POST", "key:Content-Type", "key:\"role\"", "string:\"kong\""]),
    ]

    @Test("each language marks its pieces", arguments: 0..<cases.count)
    func marks(index: Int) {
        let (language, code, expected) = Self.cases[index]
        #expect(Self.marked(code, language) == expected, "\(language): \(code)")
    }

    @Test("fence names map to languages; others are not highlighted")
    func fenceNames() {
        #expect(CodeLanguage(fence: "sh") == .shell)
        #expect(CodeLanguage(fence: "Bash") == .shell)
        #expect(CodeLanguage(fence: "yml") == .yaml)
        #expect(CodeLanguage(fence: "terraform") == .hcl)
        #expect(CodeLanguage(fence: "http") == .http)
        #expect(CodeLanguage(fence: "python") == nil)
        #expect(CodeLanguage(fence: "") == nil)
    }

    /// Every fenced block of the repository's content and Kong's corpus in a language the highlighter knows.
    static func corpusBlocks() -> [(file: String, language: CodeLanguage, code: String)] {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folders = [repository.appendingPathComponent("content").path,
                       repository.appendingPathComponent("../shared/corpus/kong/app/_how-tos").standardizedFileURL.path]
        var blocks: [(String, CodeLanguage, String)] = []
        for folder in folders {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            while let relative = walker.nextObject() as? String {
                guard relative.hasSuffix(".md"), let text = try? String(contentsOfFile: folder + "/" + relative, encoding: .utf8) else { continue }
                var language: CodeLanguage?
                var lines: [Substring] = []
                var inFence = false
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    let trimmed = line.drop { $0 == " " }
                    if trimmed.hasPrefix("```") {
                        if inFence {
                            if let language { blocks.append((relative, language, lines.joined(separator: "\n"))) }
                            inFence = false
                        } else {
                            inFence = true
                            language = CodeLanguage(fence: String(trimmed.dropFirst(3).prefix { $0.isLetter }))
                            lines = []
                        }
                    } else if inFence {
                        lines.append(line)
                    }
                }
            }
        }
        return blocks
    }

    @Test("highlighting changes no character of any code block in the content and Kong's corpus")
    func tokensRejoinTheCode() throws {
        let blocks = Self.corpusBlocks()
        try #require(blocks.count > 500, "found only \(blocks.count) code blocks: is ../shared/corpus/kong there?")
        var languages: Set<CodeLanguage> = []
        for block in blocks {
            let tokens = Highlighter.tokens(block.code, language: block.language)
            let joined = tokens.map(\.text).joined()
            #expect(joined == block.code, "\(block.file): a \(block.language) block changed when highlighted")
            #expect(!tokens.contains { $0.text.isEmpty })
            languages.insert(block.language)
        }
        // The corpus writes HTTP exchanges as shell (curl); the table above covers `http` fences.
        #expect(languages.isSuperset(of: [.shell, .yaml, .json, .hcl]), "the corpus has blocks of only \(languages)")
    }
}
