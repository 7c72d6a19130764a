import Foundation

/// A throwaway content tree for Site tests, plus paths to the repository's templates and content.
struct SiteFixture {
    /// The temporary folder holding `content/` and the build outputs.
    let root: URL
    var content: String { root.appendingPathComponent("content").path }
    var output: String { root.appendingPathComponent("site").path }

    /// The repository root (two levels above this file's folder).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var templates: String { repository.appendingPathComponent("templates").path }

    /// Writes `site.yml` and the given how-tos (`name` → file text) into a new temporary folder.
    init(howTos: [String: String] = SiteFixture.standardHowTos) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("site-tests-\(UUID().uuidString)")
        try write(SiteFixture.siteYAML, to: "content/_data/site.yml")
        for (name, text) in howTos { try write(text, to: "content/how-to/\(name).md") }
    }

    /// Writes `text` to `relative` under the fixture root.
    func write(_ text: String, to relative: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The text of a built file, relative to the output folder.
    func read(_ relative: String, in output: String? = nil) throws -> String {
        try String(contentsOfFile: ((output ?? self.output) as NSString).appendingPathComponent(relative), encoding: .utf8)
    }

    /// Deletes the fixture.
    func remove() { try? FileManager.default.removeItem(at: root) }

    static let upstream = "https://docs.example.test"

    static let siteYAML = """
        title: Test docs
        upstream_base_url: \(upstream)
        base_gateway: Kong Gateway
        konnect_short_name: Konnect

        """

    /// The main fixture page; line numbers of its links matter to the checker tests.
    static let rotate = """
        ---
        title: Rotate secrets in {{site.base_gateway}}
        content_type: how_to
        description: Learn to rotate secrets stored in a vault.
        products:
          - gateway
        works_on:
          - on-prem
        min_version:
          gateway: '3.13'
        tags:
          - security
          - secrets-management
        search_aliases:
          - Secret rotation
        tldr:
          q: How do I rotate secrets?
          a: Write a new version and set a **ttl**.
        prereqs:
          inline:
            - title: Install the vault CLI
              content: Install `vault` with your package manager.
              icon_url: /assets/icons/code.svg
        cleanup:
          inline:
            - title: Stop Vault
              content: Press Ctrl+C in the terminal that runs it.
              icon_url: /assets/icons/not-shipped.svg
        faqs:
          - q: Why rotate secrets?
            a: Because a leaked key stays valid until it is rotated. </script><script>alert(1)</script>
          - q: How often should {{site.base_gateway}} re-read secrets?
            a: Set `ttl` to the number of seconds & keep it short.
        related_resources:
          - text: The second guide
            url: /how-to/second-guide/
          - text: Secrets management
            url: /gateway/secrets-management/
        next_steps:
          - text: Review the Vaults entity
            url: /gateway/entities/vault/
        ---

        This guide rotates a secret.

        ## Write the first version

        ```sh
        echo first
        ```

        ## Write the second version

        Read [the second guide](/how-to/second-guide/#do-it) and the [entity reference](/gateway/entities/vault/).

        ```sh
        echo second
        ```

        """

    static let second = """
        ---
        title: A second guide
        content_type: how_to
        description: Another guide.
        products:
          - gateway
        works_on:
          - on-prem
        tags:
          - security
        tldr:
          q: ""
          a: ""
        ---

        ## Do it

        Go back to [the rotation guide](/how-to/rotate-secrets/).

        ```sh
        echo done
        ```

        """

    static let standardHowTos = ["rotate-secrets": rotate, "second-guide": second]
}
