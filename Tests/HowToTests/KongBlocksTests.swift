import Diagnostics
import Foundation
import HowToPlan
import Testing
@testable import HowTo

@Suite struct KongBlocksTests {
    @Test func newInRendersABadge() throws {
        let (page, diagnostics, _) = try TestSupport.load(TestSupport.page(body: "## Run\n\nOAuth2 {% new_in 3.13 %} sign-in.\n\n```sh\necho\n```\n"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let html = try #require(page?.bodyHTML)
        #expect(html.contains("OAuth2 <span class=\"badge new-in\">v3.13+</span> sign-in."))
        #expect(!html.contains("HOWTO"))
        #expect(page?.plainText.contains("OAuth2 v3.13+ sign-in") == true)
    }

    @Test func entityExamplesBecomeADeckApplyStepAtTheTagLine() throws {
        let body = "## Configure\n\n{% entity_examples %}\nentities:\n  vaults:\n    - name: hcv\n      prefix: hcv\n      config:\n        host: ${hcv_host}\n{% endentity_examples %}\n"
        let (page, diagnostics, _) = try TestSupport.load(TestSupport.page(body: body))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let step = try #require(page?.plan.steps.first)
        #expect(step.kind == .deckApply)
        #expect(step.location.line == 11, "the `{% entity_examples %}` tag is on file line 11")
        #expect(step.section == "Configure")
        #expect(step.script == "echo '\n_format_version: \"3.0\"\nvaults:\n  - name: hcv\n    prefix: hcv\n    config:\n      host: \"${{ env \"DECK_HCV_HOST\" }}\"\n' | deck gateway apply -\n")
        let html = try #require(page?.bodyHTML)
        #expect(html.contains("deck gateway apply -"))
        #expect(!html.contains("data-test-id") && !html.contains("HOWTOSTEP"), "step annotations never show in the HTML")
    }

    @Test func vaultSecretValidationSnippet() throws {
        let body = "## Validate\n\n{% validation vault-secret %}\nsecret: '{vault://hcv/password/pass1}'\nvalue: 'my-password'\n{% endvalidation %}\n"
        let (page, diagnostics, _) = try TestSupport.load(TestSupport.page(body: body))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let step = try #require(page?.plan.steps.first)
        #expect(step.kind == .validation)
        #expect(step.script == "kong vault get {vault://hcv/password/pass1}\n")
        #expect(step.validation == .vaultSecret(secret: "{vault://hcv/password/pass1}", value: "my-password"))
        #expect(step.location.line == 11)
        #expect(page?.bodyHTML.contains("kong vault get {vault://hcv/password/pass1}") == true)
    }

    @Test func otherValidationTypesCarryTheirParameters() throws {
        let body = """
            ## Check

            {% validation custom-command %}
            command: vault status
            expected:
              return_code: 0
              message: Sealed
            {% endvalidation %}

            {% validation request-check %}
            url: /anything
            method: post
            headers:
              - 'apikey: hello'
            body:
              name: x
            status_code: 201
            extract_body:
              ID: id
            {% endvalidation %}

            {% validation env-variables %}
            variables: [DECK_DOMAIN, VAULT_ADDR]
            {% endvalidation %}

            """
        let (page, diagnostics, _) = try TestSupport.load(TestSupport.page(body: body))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let steps = try #require(page?.plan.steps)
        #expect(steps.map(\.kind) == [.validation, .validation, .validation])
        #expect(steps[0].validation == .customCommand(command: "vault status", expectedExitCode: 0, expectedOutput: "Sealed"))
        #expect(steps[1].validation == .requestCheck(RequestCheck(
            method: "POST", url: "http://localhost:8000/anything", headers: ["apikey: hello"], body: "{\"name\":\"x\"}",
            status: 201, extract: ["ID": "id"])))
        #expect(steps[1].script == "curl -X POST \"http://localhost:8000/anything\" --no-progress-meter --fail-with-body -H \"apikey: hello\" --json '{\"name\":\"x\"}'\n")
        #expect(steps[2].validation == .envVariables(["DECK_DOMAIN", "VAULT_ADDR"]))
        #expect(steps.map(\.location.line) == [11, 18, 30])
    }

    @Test func everyTabsValidationIsPlannedButOnlyTheFirstTabsCommands() throws {
        let body = """
            ## Validate

            {% navtabs "checks" %}
            {% navtab "Allowed" %}
            ```sh
            echo allowed
            ```

            {% validation custom-command %}
            command: echo yes
            expected:
              return_code: 0
            {% endvalidation %}
            {% endnavtab %}
            {% navtab "Denied" %}
            ```sh
            echo denied
            ```

            {% validation custom-command %}
            command: "false"
            expected:
              return_code: 1
            {% endvalidation %}
            {% endnavtab %}
            {% endnavtabs %}

            """
        let (page, diagnostics, _) = try TestSupport.load(TestSupport.page(body: body))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let loaded = try #require(page)
        let steps = loaded.plan.steps
        #expect(steps.map(\.kind) == [.shell, .validation, .validation])
        let shownLines = loaded.passages.compactMap { if case let .code(_, _, location) = $0 { location.line } else { nil } }
        #expect(shownLines.contains(28) && !shownLines.contains(24), "the walk shows the other tab's check, not its command")
        #expect(steps.map { $0.script.trimmingCharacters(in: .whitespacesAndNewlines) } == ["echo allowed", "echo yes", "false"])
        #expect(steps.map(\.location.line) == [13, 17, 28], "each step at its own file line (the body starts on line 5)")
    }

    @Test func navtabsRenderTabsAndOnlyTheFirstTabIsPlanned() throws {
        let body = """
            ## Check

            {% navtabs "status" %}
            {% navtab "Vault CLI" %}
            Run **this**:

            ```sh
            vault status
            ```
            {% endnavtab %}
            {% navtab "HTTP API" %}
            ```sh
            curl -s "$VAULT_ADDR/v1/sys/health"
            ```
            {% endnavtab %}
            {% endnavtabs %}

            """
        let (page, diagnostics, _) = try TestSupport.load(TestSupport.page(body: body))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let loaded = try #require(page)
        #expect(loaded.plan.steps.map(\.script) == ["vault status\n"])
        #expect(loaded.plan.steps.first?.location.line == 15, "the fence inside the first tab is on file line 15")
        let html = loaded.bodyHTML
        #expect(html.contains("<div class=\"tabs\" data-tab-group=\"status\">"))
        #expect(html.contains(">Vault CLI</button>") && html.contains(">HTTP API</button>"))
        #expect(html.contains("<strong>this</strong>"), "markdown inside a tab is rendered by cmark")
        #expect(html.contains("data-slug=\"http-api\" hidden>"))
        #expect(html.contains("curl -s"))
        #expect(!html.contains("HOWTO"))
    }

    @Test func topologyBlocksShowBothButPlanOnlyTheirs() throws {
        let body = """
            ## Set up

            {% konnect %}
            content: |
              ```sh
              echo konnect
              ```
            {% endkonnect %}

            {% on_prem %}
            ```sh
            echo on-prem
            ```
            {% endon_prem %}

            """
        let (onPrem, diagnostics, _) = try TestSupport.load(TestSupport.page(body: body))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(onPrem?.plan.steps.map(\.script) == ["echo on-prem\n"])
        #expect(onPrem?.plan.steps.first?.location.line == 19)
        let html = try #require(onPrem?.bodyHTML)
        #expect(html.contains("data-deployment-topology=\"konnect\"") && html.contains("echo konnect"))
        #expect(html.contains("data-deployment-topology=\"on-prem\""))
        let (konnect, _, _) = try TestSupport.load(TestSupport.page(body: body), topology: .konnect)
        #expect(konnect?.plan.steps.map(\.script) == ["echo konnect\n"])
        #expect(konnect?.plan.steps.first?.location.line == 13)
    }

    @Test func envVariablesBlockExports() throws {
        let body = "## Env\n\n{% env_variables %}\nKONG_LICENSE: abc\nDECK_X: 1\n{% endenv_variables %}\n"
        let (page, diagnostics, _) = try TestSupport.load(TestSupport.page(body: body))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(page?.plan.steps.first?.script == "export KONG_LICENSE=\"abc\"\nexport DECK_X=\"1\"\n")
    }

    /// Kong's `json_prettify` is Ruby's `JSON.pretty_generate` (keys sorted here), lines indented by its argument.
    @Test func jsonPrettifyLaysOutLikeRuby() throws {
        let body = "## Run\n\n{% assign r = page.route %}\n```json\n{{ r | json_prettify }}\n{{ page.route.paths | json_prettify: 2 }}\n```\n\n```sh\necho\n```\n"
        let fm = "route:\n  name: \"a\\\"b\"\n  paths: [/x]\n  empty: {}\n"
        let (page, diagnostics, _) = try TestSupport.load(TestSupport.page(frontMatter: fm, body: body))
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(page?.bodyHTML.contains("{\n  &quot;empty&quot;: {},\n  &quot;name&quot;: &quot;a\\&quot;b&quot;,\n  &quot;paths&quot;: [\n    &quot;/x&quot;\n  ]\n}\n  [\n    &quot;/x&quot;\n  ]") == true, "\(page?.bodyHTML ?? "")")
    }

    /// Kong's `raise` tag stops the page where a template refuses its input.
    @Test func raiseIsALocatedError() throws {
        let files = ["_includes/guard.md": "ok\n{% if include.x == nil %}{% raise \"x was not provided\" %}{% endif %}\n"]
        let (page, diagnostics, root) = try TestSupport.load(TestSupport.page(body: "## A\n\n{% include guard.md %}\n\n```sh\necho\n```\n"), files: files)
        #expect(page == nil)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.message == "the template refuses this page: x was not provided")
        #expect(error.location.file == root + "/_includes/guard.md" && error.location.line == 2)
    }

    @Test func includesAndMarkdownifyFilter() throws {
        let files = ["_includes/snippets/greet.md": "Hello {{ include.who }} from {{ site.base_gateway }}\n"]
        let body = "## Run\n\n{% include snippets/greet.md who='you' %}\n\n{{ \"**bold**\" | markdownify }}\n\n```sh\necho\n```\n"
        let (page, diagnostics, _) = try TestSupport.load(TestSupport.page(body: body), files: files)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(page?.bodyHTML.contains("Hello you from Kong Gateway") == true)
        #expect(page?.plan.steps.first?.location.line == 15)
    }

    @Test func singularEntityExampleIsADeckFileNotAStep() throws {
        let body = "## Entity\n\n{% entity_example %}\ntype: vault\ndata:\n  name: hcv\n  prefix: hashicorp-vault\n  config:\n    port: 8200\n{% endentity_example %}\n\n```sh\necho\n```\n"
        let (page, diagnostics, _) = try TestSupport.load(TestSupport.page(frontMatter: "tools:\n  - deck\n", body: body))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let html = try #require(page?.bodyHTML)
        #expect(html.contains("_format_version: &quot;3.0&quot;\nvaults:\n  - name: hcv\n    prefix: hashicorp-vault\n    config:\n      port: 8200\n"))
        #expect(page?.plan.steps.map(\.script) == ["echo\n"])
    }

    @Test func headingTopologyScopesItsSection() throws {
        let body = "## Konnect only\n{: data-deployment-topology=\"konnect\" }\n\n```sh\necho konnect\n```\n\n## Everyone\n\n```sh\necho all\n```\n"
        let (page, diagnostics, _) = try TestSupport.load(TestSupport.page(body: body))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(page?.plan.steps.map(\.script) == ["echo all\n"])
    }
}
