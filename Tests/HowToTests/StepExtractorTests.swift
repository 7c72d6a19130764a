import Diagnostics
import Foundation
import HowToPlan
import Testing
@testable import HowTo

@Suite struct StepExtractorTests {
    static func steps(_ body: String) throws -> (steps: [Step], diagnostics: [Diagnostic]) {
        let (page, diagnostics, _) = try TestSupport.load(TestSupport.page(body: body))
        return (page?.plan.steps ?? [], diagnostics)
    }

    /// Every attribute the runner reads is kept out of the page, raw HTML allowed or not.
    @Test(arguments: [false, true]) func everyStepAttributeStaysOutOfThePage(allowRawHTML: Bool) throws {
        let attributes = StepAttributes.knownKeys.sorted().map { "\($0)=\"\($0 == "ready" ? "http://127.0.0.1:1" : "1")\"" }.joined(separator: " ")
        let site = "base_gateway: Kong Gateway\nallow_raw_html: \(allowRawHTML)\n"
        let (page, _, root) = try TestSupport.load(TestSupport.page(body: "```sh\necho hi\n```\n{: \(attributes) }\n"), files: ["_data/site.yml": site])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let html = try #require(page?.bodyHTML)
        for key in StepAttributes.knownKeys { #expect(!html.contains(key + "="), "\(key) shown in \(html)") }
    }

    /// Only Kong blocks plan typed steps: an id or validation type written by hand is an error at its block.
    @Test(arguments: ["data-test-id=\"HOWTOSTEP99X\"", "data-test-validation=\"vault-secret\""])
    func aHandWrittenStepRecordIsRefused(_ attribute: String) throws {
        let (steps, diagnostics) = try Self.steps("## Run\n\n```sh\necho hi\n```\n{: \(attribute) }\n")
        #expect(steps.isEmpty)
        #expect(diagnostics.contains { $0.severity == .error && $0.location.line == 11 && ($0.message.contains("Kong block") || $0.message.contains("must come from")) })
    }

    @Test func shellLanguagesAreStepsOthersNeedAMarker() throws {
        let body = """
            ## A

            ```bash
            echo bash
            ```

            ```json
            {"not": "a step"}
            ```

            ```python
            print("marked")
            ```
            {: data-test-step="block" }

            ```sh
            echo skipped
            ```
            {:.no-copy-code}

            ```shell
            echo also skipped
            ```
            {:.no-test}

            """
        let (steps, diagnostics) = try Self.steps(body)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(steps.map(\.script) == ["echo bash\n", "print(\"marked\")\n"])
        #expect(steps.map(\.id) == ["s1", "s2"])
        #expect(steps.map(\.location.line) == [11, 19])
    }

    @Test func consoleBlocksRunOnlyPromptedLines() throws {
        let body = "## C\n\n```console\n$ vault write x \\\n    a=b\nSuccess! Data written\n$ echo done\ndone\n```\n"
        let (steps, _) = try Self.steps(body)
        #expect(steps.first?.script == "vault write x \\\n    a=b\necho done\n")
    }

    @Test func attributesFromInfoStringAndIAL() throws {
        let body = "## A\n\n```sh { timeout=30s retry=2 interval=500ms }\necho a\n```\n{: expect=\"a\" exit=3 }\n"
        let (steps, diagnostics) = try Self.steps(body)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let attributes = try #require(steps.first?.attributes)
        #expect(attributes.timeoutMilliseconds == 30_000)
        #expect(attributes.retry == 2 && attributes.intervalMilliseconds == 500)
        #expect(attributes.expectedOutput == "a" && attributes.expectedExitCode == 3)
    }

    @Test func badAttributeIsALocatedError() throws {
        let (page, diagnostics, _) = try TestSupport.load(TestSupport.page(body: "## A\n\n```sh { retry=-1 }\necho\n```\n"))
        #expect(page == nil)
        let error = try #require(diagnostics.first)
        #expect(error.location.line == 11 && error.severity == .error)
        #expect(error.message.contains("retry"))
    }

    @Test func providerAndBackgroundKinds() throws {
        let body = """
            ## Servers

            ```sh { provider=auth0 }
            export DECK_DOMAIN='x'
            ```

            ```sh
            vault server -dev -dev-root-token-id=root -dev-listen-address=127.0.0.1:8300
            ```

            ```sh
            bao server -dev -dev-tls
            ```

            ```sh { ready=tcp:127.0.0.1:9000 }
            vault server -dev
            ```

            ```sh { background=true ready=log:ready }
            my-server --port 1
            ```

            """
        let (steps, diagnostics) = try Self.steps(body)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(steps.map(\.kind) == [.provider, .background, .background, .background, .background])
        #expect(steps[0].attributes.provider == "auth0")
        #expect(steps[1].attributes.ready == .http(url: "http://127.0.0.1:8300/v1/sys/health", status: nil))
        #expect(steps[2].attributes.ready == .http(url: "https://127.0.0.1:8200/v1/sys/health", status: nil))
        #expect(steps[3].attributes.ready == .tcp(host: "127.0.0.1", port: 9000))
        #expect(steps[4].attributes.ready == .log(pattern: "ready"))
        #expect(steps.dropFirst().allSatisfy { $0.attributes.background })
    }

    @Test func noRunnableStepIsAnError() throws {
        let (page, diagnostics, _) = try TestSupport.load(TestSupport.page(body: "## Nothing\n\nJust text.\n"))
        #expect(page == nil)
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("no runnable step") && $0.location.line == 9 })
    }
}
