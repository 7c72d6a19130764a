import Diagnostics
import Foundation
import HowToPlan
import Markdown
import Testing
@testable import HowTo

/// The plan of the reference tutorial, from the same parse as its page.
@Suite struct ReferenceTutorialPlanTests {
    static func load(topology: Topology = .onPrem) throws -> HowToPage {
        let loader = ContentLoader(root: TestSupport.contentRoot, strict: true)
        let (page, diagnostics) = loader.load(page: TestSupport.tutorial, site: try loader.loadSite(), topology: topology)
        #expect(diagnostics.isEmpty, "the reference tutorial must be clean even under --strict: \(diagnostics)")
        return try #require(page)
    }

    @Test func stepsKindsAndSections() throws {
        let plan = try Self.load().plan
        #expect(plan.title == "Configure HashiCorp Vault as a vault backend with OAuth2")
        #expect(plan.minVersion == ["gateway": "3.13"])
        #expect(plan.automatedTests == false)
        #expect(plan.steps.map(\.id) == (1...15).map { "s\($0)" })
        #expect(plan.cleanup.map(\.id) == ["s16", "s17"])
        #expect(plan.steps.map(\.kind) == [
            .provider, .background, .shell, .shell, .shell, .shell, .shell, .shell, .shell, .shell, .shell, .shell, .shell,
            .deckApply, .validation,
        ])
        #expect(plan.steps.allSatisfy { $0.phase == .body })
        #expect(plan.steps.map(\.section) == [
            "Set up your OAuth2 identity provider", "Start HashiCorp Vault", "Start HashiCorp Vault", "Start HashiCorp Vault",
            "Configure the JWT auth method", "Configure the JWT auth method", "Configure the JWT auth method", "Store a secret",
            "Let the default policy read the secret", "Let the default policy read the secret", "Let the default policy read the secret",
            "Let the default policy read the secret", "Configure the Vault entity", "Configure the Vault entity", "Validate",
        ])
        #expect(plan.cleanup.map(\.section) == ["Clean up HashiCorp Vault", "Destroy the Kong Gateway container"])
        #expect(plan.cleanup.map(\.script) == ["unset VAULT_ADDR VAULT_TOKEN\nrm -f default-policy.hcl current-policy.hcl\n", "deck gateway reset -f\n"])
    }

    @Test func attributesAndScripts() throws {
        let steps = try Self.load().plan.steps
        #expect(steps[0].attributes.provider == "auth0")
        #expect(steps[0].script.contains("export DECK_DOMAIN='YOUR AUTH0 DOMAIN'"))
        #expect(steps[1].script == "vault server -dev -dev-root-token-id=root -dev-listen-address=127.0.0.1:8200\n")
        #expect(steps[1].attributes.background)
        #expect(steps[1].attributes.ready == .http(url: "http://127.0.0.1:8200/v1/sys/health", status: nil))
        #expect(steps[2].script == "export VAULT_ADDR=http://127.0.0.1:8200\nexport VAULT_TOKEN=root\n")
        #expect(steps[3].script == "vault status\n" && steps[3].attributes.informational)
        #expect(steps[5].script.contains("jwks_url=\"https://$DECK_DOMAIN/.well-known/jwks.json\""))
        #expect(steps[6].script.contains("bound_audiences=vault") && steps[6].script.contains("auth/jwt/role/demo"))
        #expect(steps[7].script == "vault kv put secret/password pass1=my-password\n")
        #expect(steps[9].script.contains("path \"secret/*\" {\n  capabilities = [\"read\"]\n}"))
        #expect(steps[11].script.hasPrefix("vault policy read default > current-policy.hcl\n") && steps[11].attributes.informational)
        #expect(!steps[6].script.contains("token_policies"), "every token carries default: naming it would be a mutant nothing catches")
        #expect(steps[13].script.contains("auth_method: oauth2") && steps[13].script.contains("oauth2_audiences: vault"))
        #expect(steps[13].script.contains("oauth2_client_secret: \"${{ env \"DECK_CLIENT_SECRET\" }}\""))
        #expect(steps[13].script.hasSuffix("' | deck gateway apply -\n"))
        #expect(steps[14].validation == .vaultSecret(secret: "{vault://hashicorp-vault/password/pass1}", value: "my-password"))
        #expect(steps[14].script == "kong vault get {vault://hashicorp-vault/password/pass1}\n")
    }

    /// Every step's location is its fence (or its Kong block's opening tag) in the original file.
    @Test func locationsPointAtTheSourceLines() throws {
        let plan = try Self.load().plan
        for step in plan.steps + plan.cleanup {
            let text = try String(contentsOfFile: step.location.file, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = lines[step.location.line - 1]
            switch step.kind {
            case .deckApply: #expect(line.hasPrefix("{% entity_examples %}"), "\(step.id): \(line)")
            case .validation: #expect(line.hasPrefix("{% validation vault-secret %}"), "\(step.id): \(line)")
            default:
                #expect(line.hasPrefix("```sh"), "\(step.id) at \(step.location): \(line)")
                let firstCommand = step.script.split(separator: "\n").first.map(String.init) ?? ""
                #expect(lines[step.location.line] == firstCommand, "\(step.id): the line after the fence is the script's first line")
            }
        }
        #expect(plan.steps.allSatisfy { $0.location.file == TestSupport.tutorial })
        #expect(plan.cleanup[0].location.file.hasSuffix("content/_includes/cleanup/third-party/hashicorp.md"))
    }

    @Test func konnectTopologyPlansTheKonnectCleanupInstead() throws {
        let plan = try Self.load(topology: .konnect).plan
        #expect(plan.cleanup.map(\.section) == ["Clean up HashiCorp Vault", "Clean up Konnect environment"])
        #expect(plan.cleanup.last?.script.contains("control-planes/$KONNECT_CONTROL_PLANE_ID") == true)
    }

    @Test func pageCarriesRenderedSections() throws {
        let page = try Self.load()
        #expect(page.slug == "configure-hashicorp-vault-with-oauth2")
        #expect(page.url == "/how-to/configure-hashicorp-vault-with-oauth2/")
        #expect(page.headings.filter { $0.level == 2 }.map(\.text) == [
            "Set up your OAuth2 identity provider", "Start HashiCorp Vault", "Configure the JWT auth method", "Store a secret",
            "Let the default policy read the secret", "Configure the Vault entity", "Validate",
        ])
        #expect(page.cleanup.map(\.topology) == [nil, .onPrem, .konnect])
        #expect(page.faqs.count == 8)
        #expect(page.faqs[1].answerHTML.contains("<span class=\"badge new-in\">v3.4+</span>"))
        #expect(page.faqs[0].questionHTML == "How do I rotate my secrets in HashiCorp Vault and how does Kong Gateway pick up the new secret values?")
        #expect(page.tldrHTML == nil)
        #expect(page.bodyHTML.contains("<div class=\"callout callout-info\""))
        #expect(page.bodyHTML.contains("<div class=\"tabs\" data-tab-group=\"vault-status\">"))
        #expect(!page.bodyHTML.contains("{%") && !page.bodyHTML.contains("{{ site") && !page.bodyHTML.contains("HOWTO"))
        #expect(!page.bodyHTML.contains("provider=") && !page.bodyHTML.contains("data-test"))
        #expect(page.plainText.contains("Kong Gateway can fetch secrets"))
    }
}
