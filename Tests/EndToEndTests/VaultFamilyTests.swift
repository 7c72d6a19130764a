import Foundation
import Testing

/// The HashiCorp Vault family of how-tos in `content/how-to/`: every one passes on the mock and on a real
/// OpenBao in one run, and the FAQs that apply are reproduced by breaking the content the way the FAQ says.
/// They use the tutorials' own port 8200, so they run one at a time.
@Suite(.serialized) struct VaultFamilyTests {
    static let root = HowtoBinary.packageRoot.path
    static let bao = HowtoBinary.packageRoot.appendingPathComponent(".venv/bin/bao").path
    static let token = "content/how-to/configure-hashicorp-vault-as-a-vault-backend.md"

    /// The family as `howto test content/how-to` finds it (the reference tutorial is `automated_tests: false`), as the summary shows them.
    static let family = ["Configure HashiCorp Vault as a vault backend  ", "Configure HashiCorp Vault as a vault backend with Kubernete…"]

    @Test(arguments: ["mock", "live"])
    func everyHowToOfTheFamilyPasses(mode: String) async throws {
        if mode == "live" {
            try #require(FileManager.default.isExecutableFile(atPath: Self.bao), "live tests need OpenBao's bao in .venv: run `make test`")
        }
        let out = try await HowtoBinary.run(["test", "--vault", mode, "content/how-to"], in: Self.root)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        for title in Self.family { #expect(out.stdout.split(separator: "\n").contains { $0.hasPrefix("  \(title)") && $0.contains("  passed  ") }, "\(title) in \(mode): \(out.stdout.suffix(1500))") }
        #expect(out.stdout.contains("2 passed, 0 failed, 1 skipped"))
    }

    /// FAQ "permission denied": a policy on the path the CLI shows (`secret/password`) instead of KV v2's
    /// `secret/data/password` cannot read the secret. (`secret/*` would: a glob matches `data/` too, as OpenBao shows.)
    @Test(arguments: ["mock", "live"])
    func aPolicyWithoutTheDataPrefixIsDenied(mode: String) async throws {
        if mode == "live" {
            try #require(FileManager.default.isExecutableFile(atPath: Self.bao), "live tests need OpenBao's bao in .venv: run `make test`")
        }
        let text = try String(contentsOfFile: Self.root + "/" + Self.token, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "path \"secret/data/*\"", with: "path \"secret/password\"")
        #expect(broken != text)
        let dir = try HowtoBinary.temporaryDirectory() + "/content"
        try FileManager.default.createDirectory(atPath: dir + "/how-to", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.root + "/content/_data", toPath: dir + "/_data")
        try FileManager.default.copyItem(atPath: Self.root + "/content/_includes", toPath: dir + "/_includes")
        try broken.write(toFile: dir + "/how-to/token.md", atomically: true, encoding: .utf8)
        let out = try await HowtoBinary.run(["test", "--vault", mode, dir + "/how-to/token.md"], in: Self.root)
        #expect(out.status == 1, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("first failure:") && out.stdout.contains("Validate"), "\(out.stdout.suffix(1500))")
        #expect(out.stdout.lowercased().contains("permission denied"), "\(out.stdout.suffix(1500))")
    }
}
