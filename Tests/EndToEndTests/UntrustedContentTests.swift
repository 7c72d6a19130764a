import Foundation
import TestHelpers
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Hostile content against `check`, `build` and `plan`: links out of the root for each kind of file, alias
/// bombs in each kind of YAML, runaway Liquid and links in the output folder. Each must be a located error,
/// exit 2, in well under a second, and the canary planted outside the root must never come out.
@Suite(.serialized) struct UntrustedContentTests {
    /// A scratch tree: `content/` (a valid how-to), a copy of the templates, and `outside/canary.md`
    /// holding a secret that must never appear in any output.
    struct Tree {
        let dir: String
        let secret = "CANARY-\(UUID().uuidString)"
        var content: String { dir + "/content" }
        var outside: String { dir + "/outside" }
        var canary: String { outside + "/canary.md" }

        init() throws {
            dir = try HowtoBinary.temporaryDirectory()
            try write("base_gateway: Kong Gateway\n", to: "content/_data/site.yml")
            try write(Self.page(), to: "content/how-to/page.md")
            try write("included text\n", to: "content/_includes/fine.md")
            // The canary is itself a valid how-to and a valid include, so only the containment check stops it.
            try write(Self.page(body: "## Leak\n\n\(secret)\n\n```sh\necho \(secret)\n```\n"), to: "outside/canary.md")
            try FileManager.default.copyItem(atPath: HowtoBinary.packageRoot.appendingPathComponent("templates").path, toPath: dir + "/templates")
        }

        func write(_ text: String, to relative: String) throws {
            let path = dir + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        }

        func link(_ relative: String, to target: String) throws {
            let path = dir + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        }

        /// A valid how-to with `frontMatter` added and `body`.
        static func page(frontMatter: String = "", body: String = "## Run\n\n```sh\necho hi\n```\n") -> String {
            "---\ntitle: Page\ncontent_type: how_to\nproducts:\n  - gateway\nworks_on:\n  - on-prem\n\(frontMatter)---\n\(body)"
        }

        /// Every plain file the run could have written, concatenated: the tree minus `outside/`, the
        /// templates and the planted links (which lead to the canary by design).
        func everythingWritten() -> String {
            guard let walker = FileManager.default.enumerator(atPath: dir) else { return "" }
            var text = ""
            while let relative = walker.nextObject() as? String {
                if relative.hasPrefix("outside") || relative.hasPrefix("templates") { continue }
                let path = dir + "/" + relative
                let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
                guard type == .typeRegular, let data = FileManager.default.contents(atPath: path) else { continue }
                text += String(decoding: data, as: UTF8.self)
            }
            return text
        }

        func remove() { try? FileManager.default.removeItem(atPath: dir) }
    }

    /// Runs `howto arguments` in the tree with the secret in the environment; checks exit 2, the time, that
    /// stderr holds `expected`, and that the secret shows up nowhere.
    @discardableResult
    func refuse(_ tree: Tree, _ arguments: [String], _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> HowtoBinary.Outcome {
        let start = ContinuousClock.now, cpuBefore = Self.childCPUSeconds()
        let out = try await HowtoBinary.run(arguments, in: tree.dir, environment: ["HOWTO_CANARY": tree.secret])
        let elapsed = ContinuousClock.now - start, cpu = Self.childCPUSeconds() - cpuBefore
        #expect(out.status == 2, "\(arguments): \(out.stdout)\(out.stderr)", sourceLocation: sourceLocation)
        // The work must take under a second (CPU time, which a busy machine does not inflate); wall time
        // only has to show that nothing hung.
        #expect(cpu < 1, "\(arguments) used \(cpu) s of CPU", sourceLocation: sourceLocation)
        #expect(elapsed < .seconds(10), "\(arguments) took \(elapsed)", sourceLocation: sourceLocation)
        #expect(out.stderr.contains(expected), "\(arguments): \(out.stderr)", sourceLocation: sourceLocation)
        #expect(!(out.stdout + out.stderr).contains(tree.secret), "the secret came out", sourceLocation: sourceLocation)
        #expect(!tree.everythingWritten().contains(tree.secret), "the secret was written", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: tree.dir + "/site"), "nothing was built", sourceLocation: sourceLocation)
        return out
    }

    static let build = ["build", "--templates", "templates", "--output", "site"]

    /// User and system CPU seconds of the children this process has waited for.
    static func childCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        let seconds = { (t: timeval) in Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    // MARK: links out of the root

    @Test func includeLinkedToTheEnvironmentIsRefused() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.link("content/_includes/env.md", to: "/proc/self/environ")
        try tree.write(Tree.page(body: "## Run\n\nText {% include env.md %}\n\n```sh\necho hi\n```\n"), to: "content/how-to/page.md")
        for command in [["check", "content"], Self.build, ["plan", "content/how-to/page.md"]] {
            try await refuse(tree, command, "content/how-to/page.md:11:6: error: include `env.md` refused: `content/_includes/env.md` is a link to /proc/")
        }
    }

    @Test func includeLinkedOutsideIsRefusedUnlessAllowed() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.link("content/_includes/leak.md", to: tree.canary)
        try tree.write(Tree.page(body: "## Run\n\n{% include leak.md %}\n\n```sh\necho hi\n```\n"), to: "content/how-to/page.md")
        try await refuse(tree, ["check", "content"], "content/how-to/page.md:11:1: error: include `leak.md` refused")
        try await refuse(tree, Self.build, "is a link to \(tree.canary), outside the folder `content`")
        // On purpose, the same include is followed: the guard is what stopped it.
        let allowed = try await HowtoBinary.run(Self.build + ["--allow-links-outside-root"], in: tree.dir)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(try String(contentsOfFile: tree.dir + "/site/how-to/page/index.html", encoding: .utf8).contains(tree.secret))
        let byEnvironment = try await HowtoBinary.run(["check", "content"], in: tree.dir, environment: ["HOWTO_ALLOW_LINKS_OUTSIDE_ROOT": "1"])
        #expect(byEnvironment.status == 0, "\(byEnvironment.stderr)")
    }

    @Test func includeLinkedInsideTheRootIsFollowed() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.link("content/_includes/alias.md", to: "fine.md")
        try tree.write(Tree.page(body: "## Run\n\n{% include alias.md %}\n\n```sh\necho hi\n```\n"), to: "content/how-to/page.md")
        let out = try await HowtoBinary.run(Self.build, in: tree.dir)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(try String(contentsOfFile: tree.dir + "/site/how-to/page/index.html", encoding: .utf8).contains("included text"))
    }

    @Test func relativeAndAbsoluteIncludePathsAreRefused() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.write(Tree.page(body: "## Run\n\n{% include ../../outside/canary.md %}\n\n```sh\necho hi\n```\n"), to: "content/how-to/page.md")
        try await refuse(tree, ["check", "content"], "content/how-to/page.md:11:1: error: include `../../outside/canary.md` refused: `content/_includes/../../outside/canary.md` lies outside the folder `content/_includes`")
        try tree.write(Tree.page(body: "## Run\n\n{% include \(tree.canary) %}\n\n```sh\necho hi\n```\n"), to: "content/how-to/page.md")
        try await refuse(tree, ["check", "content"], "content/how-to/page.md:11:1: error: include `\(tree.canary)` not found")
    }

    @Test func includeContentLinkedOutsideIsRefused() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.link("content/_includes/prereq.md", to: tree.canary)
        try tree.write(Tree.page(frontMatter: "prereqs:\n  inline:\n    - title: Setup\n      include_content: prereq\n"), to: "content/how-to/page.md")
        try await refuse(tree, ["check", "content"], "content/how-to/page.md:11:24: error: `include_content: prereq` refused")
    }

    @Test func howToLinkedOutsideIsRefused() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.link("content/how-to/leak.md", to: tree.canary)
        try await refuse(tree, ["check", "content"], "content/how-to/leak.md:1:1: error: `content/how-to/leak.md` is a link to")
        try await refuse(tree, Self.build, "content/how-to/leak.md:1:1: error:")
        try await refuse(tree, ["plan", "content/how-to/leak.md"], "content/how-to/leak.md:1:1: error:")
    }

    @Test func siteDataLinkedOutsideIsRefused() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.write("title: \(tree.secret)\n", to: "outside/site.yml")
        try tree.link("content/_data/site.yml", to: tree.outside + "/site.yml")
        try await refuse(tree, ["check", "content"], "content/_data/site.yml:1:1: error:")
        try await refuse(tree, Self.build, "content/_data/site.yml:1:1: error:")
        try await refuse(tree, ["plan", "content/how-to/page.md"], "content/_data/site.yml:1:1: error:")
    }

    @Test func templateLinkedOutsideIsRefused() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.write("\(tree.secret) {{title}}\n", to: "outside/index.mustache")
        try tree.link("templates/index.mustache", to: tree.outside + "/index.mustache")
        try await refuse(tree, Self.build, "templates/index.mustache:1:1: error: `templates/index.mustache` is a link to")
    }

    @Test func assetLinkedOutsideIsRefused() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.link("templates/assets/leak.txt", to: tree.canary)
        try await refuse(tree, Self.build, "templates/assets/leak.txt:1:1: error:")
        try tree.link("templates/assets/dir", to: tree.outside)
        try FileManager.default.removeItem(atPath: tree.dir + "/templates/assets/leak.txt")
        try await refuse(tree, Self.build, "templates/assets/dir:1:1: error:")
    }

    // MARK: alias bombs

    @Test func aliasBombInFrontMatterIsRefusedAtItsLine() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        // Front matter starts at line 2; the bomb's lines follow the 6 lines of the minimal page.
        try tree.write(Tree.page(frontMatter: "bomb:\n" + HostileYAML.aliasBomb(indent: "  ")), to: "content/how-to/page.md")
        let line = 2 + 6 + HostileYAML.aliasBombLimitLine
        for command in [["check", "content"], Self.build, ["plan", "content/how-to/page.md"]] {
            try await refuse(tree, command, "content/how-to/page.md:\(line):12: error: YAML aliases here expand to more than 100000 nodes")
        }
    }

    @Test func aliasBombInSiteDataIsRefused() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.write(HostileYAML.aliasBomb(), to: "content/_data/site.yml")
        try await refuse(tree, ["check", "content"], "content/_data/site.yml:\(HostileYAML.aliasBombLimitLine):10: error: YAML aliases")
        try await refuse(tree, Self.build, "content/_data/site.yml:\(HostileYAML.aliasBombLimitLine):10: error: YAML aliases")
    }

    @Test func aliasBombInEntityExamplesIsRefused() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        let body = "## Run\n\n{% entity_examples %}\n" + HostileYAML.aliasBomb() + "{% endentity_examples %}\n\n```sh\necho hi\n```\n"
        try tree.write(Tree.page(body: body), to: "content/how-to/page.md")
        // The block's YAML starts on file line 12, the line after the tag.
        try await refuse(tree, ["check", "content"], "content/how-to/page.md:\(11 + HostileYAML.aliasBombLimitLine):10: error: YAML aliases")
        try await refuse(tree, Self.build, "error: YAML aliases here expand to more than 100000 nodes")
    }

    @Test func aliasBombInProvidersIsRefusedBeforeAnythingRuns() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.write(Tree.page(body: "## Run\n\n```sh\ntouch ran\n```\n"), to: "content/how-to/page.md")
        try tree.write(HostileYAML.aliasBomb(), to: "content/_data/providers.yml")
        try await refuse(tree, ["test", "content/how-to/page.md"], "content/_data/providers.yml:\(HostileYAML.aliasBombLimitLine):10: error: YAML aliases")
        #expect(!FileManager.default.fileExists(atPath: tree.dir + "/ran"))
    }

    @Test func aliasBombInADeckFileIsRefused() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.write("_format_version: \"3.0\"\n" + HostileYAML.aliasBomb(), to: "kong.yaml")
        try FileManager.default.createSymbolicLink(atPath: tree.dir + "/deck", withDestinationPath: HowtoBinary.path)
        let start = ContinuousClock.now
        let out = try await HowtoBinary.run(executable: tree.dir + "/deck", ["gateway", "apply", "kong.yaml"], in: tree.dir,
                                            environment: ["HOWTO_STATE_DIR": tree.dir + "/state"])
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(out.status == 1, "decK's exit code for a bad file")
        #expect(out.stderr.contains("reading file kong.yaml: error converting YAML to JSON: yaml: line \(HostileYAML.aliasBombLimitLine + 1), column 10: YAML aliases here expand"), "\(out.stderr)")
    }

    @Test func deeplyNestedFrontMatterIsRefused() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.write(Tree.page(frontMatter: "deep: " + HostileYAML.deepNesting(5_000)), to: "content/how-to/page.md")
        try await refuse(tree, ["check", "content"], "content/how-to/page.md:8:")
    }

    // MARK: runaway Liquid and include cycles

    @Test func runawayLiquidIsStopped() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        let loop = "{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}"
        try tree.write(Tree.page(body: "## Run\n\n\(loop)\n\n```sh\necho hi\n```\n"), to: "content/how-to/page.md")
        try await refuse(tree, ["check", "content"], "error: template needs more than 100000 loop iterations and includes; rendering stopped here")
        try await refuse(tree, Self.build, "error: template needs more than 100000 loop iterations")
        let doubling = "{% assign a = 'xxxxxxxx' %}{% for i in (1..60) %}{% capture a %}{{ a }}{{ a }}{% endcapture %}{% endfor %}{{ a }}"
        try tree.write(Tree.page(body: "## Run\n\n\(doubling)\n\n```sh\necho hi\n```\n"), to: "content/how-to/page.md")
        try await refuse(tree, ["check", "content"], "error: template needs more than 64000000 bytes of output; rendering stopped here")
    }

    @Test func includeCycleIsRefused() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.write("{% include b.md %}\n", to: "content/_includes/a.md")
        try tree.write("{% include a.md %}\n", to: "content/_includes/b.md")
        try tree.write(Tree.page(body: "## Run\n\n{% include a.md %}\n\n```sh\necho hi\n```\n"), to: "content/how-to/page.md")
        try await refuse(tree, ["check", "content"], "content/_includes/b.md:1:1: error: include cycle:")
    }

    // MARK: the output folder

    @Test func permalinkOutOfTheOutputFolderIsRefused() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.write(Tree.page(frontMatter: "permalink: /../../outside/escape/\n"), to: "content/how-to/page.md")
        try await refuse(tree, Self.build, "content/how-to/page.md:8:12: error: `permalink` must be a site path")
        #expect(!FileManager.default.fileExists(atPath: tree.outside + "/escape"))
    }

    @Test func buildDoesNotWriteThroughLinksInTheOutputFolder() async throws {
        let tree = try Tree()
        defer { tree.remove() }
        // The output folder itself, and a folder inside a previous build, are links to a folder outside.
        try tree.write("keep\n", to: "outside/victim/index.html")
        try tree.link("site", to: tree.outside + "/victim")
        var out = try await HowtoBinary.run(Self.build, in: tree.dir)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(try String(contentsOfFile: tree.outside + "/victim/index.html", encoding: .utf8) == "keep\n")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: tree.dir + "/site")) == nil, "the link was replaced, not followed")
        try tree.link("site/how-to", to: tree.outside + "/victim")
        out = try await HowtoBinary.run(Self.build, in: tree.dir)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(try String(contentsOfFile: tree.outside + "/victim/index.html", encoding: .utf8) == "keep\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tree.outside + "/victim") == ["index.html"])
        #expect(FileManager.default.fileExists(atPath: tree.dir + "/site/how-to/page/index.html"))
    }
}
