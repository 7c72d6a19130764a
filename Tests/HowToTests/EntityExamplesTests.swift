import Diagnostics
import Testing
@testable import HowTo

@Suite struct EntityExamplesTests {
    /// The `vaults` block of Kong's OAuth2 how-to (reference §4.1 input).
    static let kongInput = """
        entities:
          vaults:
            - name: hcv
              prefix: hashicorp-vault
              description: Storing secrets in HashiCorp Vault
              config:
                host: ${hcv_host}
                token: ${hcv_token}
                kv: v2
                mount: secret
                port: 8200
                protocol: http
                auth_method: oauth2
                oauth2_role_name: demo
                oauth2_token_endpoint: https://${domain}/oauth/token
                oauth2_client_id: ${client_id}
                oauth2_client_secret: ${client_secret}
                oauth2_audiences: https://${domain}/api/v2/
        variables:
          hcv_host:
            value: $HCV_HOST
          hcv_token:
            value: $HCV_TOKEN
          domain:
            value: $DOMAIN
          client_id:
            value: $CLIENT_ID
          client_secret:
            value: $CLIENT_SECRET

        """

    /// Reference §4.1, "Exact output" (produced by Kong's Ruby), without the fence lines.
    static let kongOutput = """
        echo '
        _format_version: "3.0"
        vaults:
          - name: hcv
            prefix: hashicorp-vault
            description: Storing secrets in HashiCorp Vault
            config:
              host: "${{ env "DECK_HCV_HOST" }}"
              token: "${{ env "DECK_HCV_TOKEN" }}"
              kv: v2
              mount: secret
              port: 8200
              protocol: http
              auth_method: oauth2
              oauth2_role_name: demo
              oauth2_token_endpoint: https://${{ env "DECK_DOMAIN" }}/oauth/token
              oauth2_client_id: "${{ env "DECK_CLIENT_ID" }}"
              oauth2_client_secret: "${{ env "DECK_CLIENT_SECRET" }}"
              oauth2_audiences: https://${{ env "DECK_DOMAIN" }}/api/v2/
        ' | deck gateway apply -
        """

    static func render(_ yaml: String) throws -> String {
        let block = try BlockYAML(yaml, at: SourceLocation(file: "t.md", line: 10), block: "entity_examples")
        return try EntityExamples(yaml: block, tools: ["deck"]).command
    }

    @Test func kongOAuth2VaultBlockIsByteExact() throws {
        #expect(try Self.render(Self.kongInput) == Self.kongOutput)
    }

    /// Reference §1.3: nested lists stay at their key's indentation, `/anything` is double-quoted.
    @Test func nestedListsAndQuotingFollowPsych() throws {
        let yaml = """
            entities:
              services:
                - name: example-service
                  url: http://httpbin.konghq.com/anything
              routes:
                - name: example-route
                  paths:
                    - /anything
                  service:
                    name: example-service
                  protocols:
                    - http
                    - https
            """
        let expected = """
            echo '
            _format_version: "3.0"
            services:
              - name: example-service
                url: http://httpbin.konghq.com/anything
            routes:
              - name: example-route
                paths:
                - "/anything"
                service:
                  name: example-service
                protocols:
                - http
                - https
            ' | deck gateway apply -
            """
        #expect(try Self.render(yaml) == expected)
    }

    @Test func scalarsThatReadAsOtherTypesAreSingleQuoted() {
        #expect(PsychYAML.string("3.13") == "'3.13'")
        #expect(PsychYAML.string("true") == "'true'")
        #expect(PsychYAML.string("8200") == "'8200'")
        #expect(PsychYAML.string("") == "''")
        #expect(PsychYAML.string("a: b") == "'a: b'")
        #expect(PsychYAML.string("y") == "\"y\"")
        #expect(PsychYAML.string("plain text") == "plain text")
        #expect(PsychYAML.string("*star") == "\"*star\"")
    }

    @Test func literalBlockVariableAndFlags() throws {
        let yaml = """
            entities:
              certificates:
                - cert: ${cert}
            variables:
              cert:
                value: $CERT
                literal_block: true
            deck_flags:
              - --include-plugin-definitions
            """
        let out = try Self.render(yaml)
        #expect(out.contains("  - cert: |-\n      ${{ env \"DECK_CERT\" }}\n"))
        #expect(out.hasSuffix("' | deck gateway apply --include-plugin-definitions -"))
    }

    @Test func undeclaredVariableUsesItsUppercaseName() throws {
        let out = try Self.render("entities:\n  vaults:\n    - name: hcv\n      config:\n        host: ${hcv_host}\n")
        #expect(out.contains("host: \"${{ env \"DECK_HCV_HOST\" }}\""))
    }

    @Test func otherFormatsAndMissingEntitiesAreErrors() {
        #expect(throws: DiagnosticError.self) { try Self.render("variables: {}\n") }
        let block = try? BlockYAML("entities: {vaults: []}\nformats: [admin-api]\n", at: SourceLocation(file: "t.md", line: 3), block: "x")
        #expect(throws: DiagnosticError.self) { try EntityExamples(yaml: block!, tools: []) }
    }

    @Test func conditionsAreRequotedWithDoubleQuotes() throws {
        let out = try Self.render("entities:\n  plugins:\n    - name: x\n      config:\n        condition: \"x #1 == 'y'\"\n")
        #expect(out.contains("\n      condition: \"x #1 == 'y'\"\n"), "Psych single-quotes ` #`; Kong requotes it")
    }
}
