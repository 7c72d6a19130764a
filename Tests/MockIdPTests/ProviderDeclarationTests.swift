import Diagnostics
import Foundation
import Testing
@testable import MockIdP

@Suite struct ProviderDeclarationTests {
    static let shippedFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("content/_data/providers.yml").path

    static func shipped() throws -> [ProviderDeclaration] {
        try ProviderDeclaration.load(yaml: try String(contentsOfFile: shippedFile, encoding: .utf8), path: "providers.yml")
    }

    private func messages(_ yaml: String) -> [String] {
        do {
            _ = try ProviderDeclaration.load(yaml: yaml, path: "providers.yml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func theShippedFileDeclaresAuth0() throws {
        let auth0 = try #require(try Self.shipped().first { $0.name == "auth0" })
        #expect(auth0.kind == .oauth2ClientCredentials)
        #expect(!auth0.audiences.isEmpty)
        #expect(auth0.host == "localhost")
        #expect(auth0.exports.map(\.name) == ["DECK_DOMAIN", "DECK_CLIENT_ID", "DECK_CLIENT_SECRET"])
        #expect(auth0.exports.map(\.secret) == [false, false, true])
        #expect(auth0.exports.last?.template == "{{ client_secret }}")
        #expect(auth0.location?.file == "providers.yml")
    }

    @Test func anotherProviderOfTheSameShapeNeedsNoCode() throws {
        let yaml = """
            okta:
              kind: oauth2-client-credentials
              host: host.docker.internal
              client_id: fixed-client
              audiences: [api://default, "https://{{ domain }}/api/v2/"]
              scopes: [a, b]
              token_lifetime: 300
              exports:
                OKTA_URL: "{{ token_endpoint }}"
                OKTA_SECRET: { value: "{{ client_secret }}", secret: true }
                OKTA_CA: "{{ ca_bundle }}"
            """
        let okta = try #require(try ProviderDeclaration.load(yaml: yaml, path: "p.yml").first)
        #expect(okta == ProviderDeclaration(
            name: "okta", host: "host.docker.internal", audiences: ["api://default", "https://{{ domain }}/api/v2/"],
            clientID: "fixed-client", scopes: ["a", "b"], tokenLifetime: .seconds(300),
            exports: [.init(name: "OKTA_URL", template: "{{ token_endpoint }}"),
                      .init(name: "OKTA_SECRET", template: "{{ client_secret }}", secret: true),
                      .init(name: "OKTA_CA", template: "{{ ca_bundle }}")],
            location: SourceLocation(file: "p.yml", line: 2, column: 3)))
    }

    @Test func unknownKindAndKeyAreLocated() {
        let found = messages("""
            auth0:
              kind: saml
              audience: [x]
              audiences: [x]
              exports: {}
            """)
        #expect(found.contains("providers.yml:2:9: error: unknown provider kind 'saml'; known kinds: oauth2-client-credentials, kubernetes-api"))
        #expect(found.contains { $0.hasPrefix("providers.yml:3:3: error: unknown key 'audience' in provider 'auth0'") })
    }

    @Test func unknownTemplateVariableIsLocated() {
        let found = messages("""
            auth0:
              kind: oauth2-client-credentials
              audiences: ["https://{{ domain }}/"]
              exports:
                DECK_DOMAIN: "{{ domian }}"
            """)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("providers.yml:5:18: error: unknown variable 'domian'") == true)
    }

    @Test func missingKeysAndBadTypesAreReported() {
        let found = messages("""
            auth0:
              kind: oauth2-client-credentials
              token_lifetime: soon
              exports:
                X: { secret: maybe }
            """)
        #expect(found.contains { $0.contains("'auth0' is missing the required key 'audiences'") })
        #expect(found.contains { $0.contains("token_lifetime must be a positive number of seconds") })
        #expect(found.contains { $0.contains("'X' is missing the required key 'value'") })
        #expect(found.contains { $0.hasPrefix("providers.yml:5:18: error: secret must be true or false") })
    }

    @Test func syntaxErrorIsLocated() {
        let found = messages("auth0:\n  audiences: [a\n  kind: x\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("providers.yml:") == true)
        #expect(found.first?.contains("error:") == true)
    }
}
