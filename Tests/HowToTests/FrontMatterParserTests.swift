import Diagnostics
import Foundation
import HowToPlan
import Testing
@testable import HowTo

@Suite struct FrontMatterParserTests {
    @Test func seedFrontMatterIsTypedAndLiquidRendered() throws {
        let loader = ContentLoader(root: TestSupport.contentRoot)
        let (page, diagnostics) = loader.load(page: TestSupport.tutorial, site: try loader.loadSite())
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let fm = try #require(page?.frontMatter)
        #expect(fm.title == "Configure HashiCorp Vault as a vault backend with OAuth2")
        #expect(fm.contentType == "how_to")
        #expect(fm.description == "Learn how to configure HashiCorp Vault with OAuth2 and reference HashiCorp Vault secrets from Kong Gateway.")
        #expect(fm.products == ["gateway"])
        #expect(fm.worksOn == ["on-prem"])
        #expect(fm.minVersion == ["gateway": "3.13"])
        #expect(fm.entities == ["vault"])
        #expect(fm.tags == ["secrets-management", "security", "hashicorp-vault"])
        #expect(fm.searchAliases == ["Hashicorp Vault"])
        #expect(fm.tools == ["deck"])
        #expect(fm.tldr?.q == "" && fm.tldr?.a == "")
        #expect(fm.automatedTests == false)
        #expect(fm.relatedResources.count == 5)
        #expect(fm.relatedResources[4] == Link(text: "Configure Hashicorp Vault with Kong Ingress Controller", url: "/kubernetes-ingress-controller/vault/hashicorp/"))
        #expect(fm.nextSteps.last?.url == "/gateway/entities/vault/#what-can-be-stored-as-a-secret")
        let cleanup = try #require(fm.cleanup?.inline)
        #expect(cleanup.map(\.title) == ["Clean up HashiCorp Vault", "Destroy the Kong Gateway container", "Clean up Konnect environment"])
        #expect(cleanup.map(\.includeContent) == ["cleanup/third-party/hashicorp", "cleanup/products/gateway", "cleanup/platform/konnect"])
        #expect(cleanup[0].iconURL == "/assets/icons/hashicorp.svg")
        #expect(cleanup[0].location.line == 45 && cleanup[0].location.column == 7)
        #expect(fm.faqs.count == 8)
        #expect(fm.faqs[0].q == "How do I rotate my secrets in HashiCorp Vault and how does Kong Gateway pick up the new secret values?")
        #expect(fm.faqs[1].a.contains("- v3.4+ If you're using the `approle` auth method, Kong Gateway uses"))
        #expect(!fm.faqs[1].a.contains("{{") && !fm.faqs[1].a.contains("HOWTO"))
    }

    @Test func pageVariablesAreVisibleToFrontMatterLiquid() throws {
        let (page, diagnostics, _) = try TestSupport.load(TestSupport.page(frontMatter: "description: About {{ page.title }} on {{ site.base_gateway }}\nshort_title: \"{{ page.products | first }}\"\n"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(page?.frontMatter.description == "About Test page on Kong Gateway")
        #expect(page?.frontMatter.shortTitle == "gateway")
    }

    @Test func requiredKeysAreReportedAtTheMapping() throws {
        let (page, diagnostics, _) = try TestSupport.load("---\ntags:\n  - security\n---\n```sh\necho\n```\n")
        #expect(page == nil)
        let missing = diagnostics.filter { $0.message.contains("required key") }
        #expect(missing.map(\.message).map { $0.contains("`title`") || $0.contains("`content_type`") || $0.contains("`products`") } == [true, true, true])
        #expect(missing.allSatisfy { $0.location.line == 2 && $0.location.column == 1 })
    }

    @Test func minVersionFloatIsAnErrorWithAdvice() throws {
        let (_, diagnostics, _) = try TestSupport.load(TestSupport.page(frontMatter: "min_version:\n  gateway: 3.10\n"))
        let error = try #require(diagnostics.first { $0.message.contains("min_version.gateway") })
        #expect(error.severity == .error)
        #expect(error.location.line == 9 && error.location.column == 12)
        #expect(error.message.contains("quote it: '3.10'"))
    }

    @Test func worksOnValuesAreChecked() throws {
        let (_, diagnostics, _) = try TestSupport.load("---\ntitle: T\ncontent_type: how_to\nproducts: [gateway]\nworks_on: [on-prem, saas]\n---\n```sh\necho\n```\n")
        let error = try #require(diagnostics.first)
        #expect(error.description.hasSuffix(":5:21: error: `works_on` value `saas` is not a topology: use `on-prem` or `konnect`"))
    }

    @Test func worksOnIsRequiredForGatewayOnlyPages() throws {
        let (_, diagnostics, _) = try TestSupport.load("---\ntitle: T\ncontent_type: how_to\nproducts: [gateway]\n---\n```sh\necho\n```\n")
        #expect(diagnostics.contains { $0.message.contains("`works_on` is required") && $0.location.line == 4 && $0.location.column == 11 })
    }

    @Test func relativeURLsMustEndInSlashBeforeTheAnchor() throws {
        let fm = "related_resources:\n  - text: A\n    url: /a/\n  - text: B\n    url: /b#x\n  - text: C\n    url: https://example.com/c\nnext_steps:\n  - text: D\n    url: /d/#ok\n"
        let (_, diagnostics, _) = try TestSupport.load(TestSupport.page(frontMatter: fm))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.line == 12)
        #expect(diagnostics.first?.message.contains("write `/b/`") == true)
    }

    @Test func typeErrorsNameTheKeyAndPosition() throws {
        let fm = "tags: security\nseries:\n  id: s\n  position: two\npublished: maybe\nfaqs:\n  - q: only a question\n"
        let (_, diagnostics, _) = try TestSupport.load(TestSupport.page(frontMatter: fm))
        let described = diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(described.contains { $0.hasPrefix("8:7 `tags` must be a list") })
        #expect(described.contains { $0.hasPrefix("11:13 `series.position` must be a whole number") })
        #expect(described.contains { $0.hasPrefix("12:12 `published` must be true or false") })
        #expect(described.contains { $0.hasPrefix("14:5 `faqs[0]` needs both `q`") })
    }

    /// Kong's `tiers` maps a product to its tier name; a list or a nested value is a type error.
    @Test(arguments: [
        ("tiers:\n  insomnia: enterprise\n", nil),
        ("tiers:\n  - enterprise\n", "9:3 `tiers` must be a mapping"),
        ("tiers:\n  insomnia:\n    - a\n", "10:5 `tiers.insomnia` must be text"),
    ] as [(String, String?)])
    func tiersMapProductsToTierNames(frontMatter: String, error: String?) throws {
        let (page, diagnostics, _) = try TestSupport.load(TestSupport.page(frontMatter: frontMatter))
        let described = diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        if let error {
            #expect(page == nil)
            #expect(described.contains { $0.hasPrefix(error) }, "\(described)")
        } else {
            #expect(page != nil && described.isEmpty, "\(described)")
        }
    }

    @Test func unknownKeysWarnAndStrictMakesThemErrors() throws {
        let page = TestSupport.page(frontMatter: "bread-crumbs:\n  - /x/\nprereqs:\n  prereqs:\n")
        let (loaded, warnings, _) = try TestSupport.load(page)
        #expect(loaded != nil)
        #expect(warnings.map(\.severity) == [.warning, .warning])
        #expect(warnings[0].message.contains("did you mean `breadcrumbs`"))
        #expect(warnings[0].location.line == 8 && warnings[0].location.column == 1)
        let (strictPage, errors, _) = try TestSupport.load(page, strict: true)
        #expect(strictPage == nil)
        #expect(errors.map(\.severity) == [.error, .error])
    }

    @Test func inlineItemsNeedExactlyOneContentSource() throws {
        let includes = ["_includes/prereqs/tool.md": "Install the tool:\n\n```sh\necho tool\n```\n"]
        let fm = """
            prereqs:
              inline:
                - title: From include
                  include_content: /prereqs/tool
                - title: Inline {{ site.base_gateway }}
                  content: |
                    ```sh
                    echo inline
                    ```
                  position: before

            """
        let (page, diagnostics, _) = try TestSupport.load(TestSupport.page(frontMatter: fm), files: includes)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let loaded = try #require(page)
        #expect(loaded.prerequisites.map(\.title) == ["Inline Kong Gateway", "From include"])
        let prereqSteps = loaded.plan.steps.filter { $0.phase == .prerequisite }
        #expect(prereqSteps.map(\.script) == ["echo inline\n", "echo tool\n"])
        #expect(prereqSteps[0].location.line == 14, "block scalar content starts on the line after `content: |`")
        #expect(prereqSteps[1].location.file.hasSuffix("_includes/prereqs/tool.md") && prereqSteps[1].location.line == 3)
        #expect(prereqSteps.map(\.section) == ["Inline Kong Gateway", "From include"])
    }
}
