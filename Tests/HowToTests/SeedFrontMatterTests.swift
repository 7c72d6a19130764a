import Foundation
import Testing

/// The reference tutorial's front matter must be the seed file, byte for byte.
@Suite struct SeedFrontMatterTests {
    /// `../shared/seeds/...` beside the clone (CI) or `/work/shared` here: both are the package root's sibling.
    static let seedPath = URL(fileURLWithPath: TestSupport.packageRoot)
        .deletingLastPathComponent().appendingPathComponent("shared/seeds/000_f776daba3e3ed10e.txt").path

    @Test func tutorialFrontMatterIsTheSeedByteForByte() throws {
        guard let seed = FileManager.default.contents(atPath: Self.seedPath) else {
            Issue.record("seed file not found at \(Self.seedPath): the shared folder must sit beside the package root (../shared)")
            return
        }
        let page = try #require(FileManager.default.contents(atPath: TestSupport.tutorial), "tutorial missing at \(TestSupport.tutorial)")
        #expect(seed.count > 1000)
        #expect(page.count > seed.count, "the tutorial needs a body after the front matter")
        #expect(page.prefix(seed.count) == seed, "the tutorial's first \(seed.count) bytes differ from the seed")
    }
}
