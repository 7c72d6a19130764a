import Diagnostics
import Foundation
import HowTo
import HowToPlan
import Testing
@testable import Walk

@Suite struct ReadingListTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    private func referencePage() throws -> HowToPage {
        let loader = ContentLoader(root: Self.root + "/content", strict: false)
        let site = try loader.loadSite()
        let (page, diagnostics) = loader.load(page: Self.root + "/content/how-to/configure-hashicorp-vault-with-oauth2.md", site: site, topology: .onPrem)
        #expect(!diagnostics.contains { $0.severity == .error })
        return try #require(page)
    }

    @Test func everyStepAppearsOnceInPlanOrderAtItsCodeBlock() throws {
        let page = try referencePage()
        let list = ReadingList(page: page)
        let steps = list.items.compactMap { item -> Int? in if case let .step(index, _, _) = item { index } else { nil } }
        #expect(steps == Array(page.plan.steps.indices))
        guard case let .step(_, language, code) = try #require(list.items.first { if case .step(14, _, _) = $0 { true } else { false } }) else { return }
        #expect(language != nil)
        #expect(code.contains("kong vault get {vault://hashicorp-vault/password/pass1}"))
    }

    @Test func showsOnlyTheFirstTabAndNamesTheOthers() throws {
        let list = ReadingList(page: try referencePage())
        let passages = list.items.flatMap { item -> [Passage] in if case let .prose(p) = item { p } else { [] } }
        #expect(passages.contains(.tabs(shown: "Vault CLI", others: ["HTTP API"])))
        let text = "\(passages)"
        #expect(!text.contains("sys/health"), "the other tab's command is not part of the walk")
    }

    @Test func startsAtTheSectionOfTheStep() throws {
        let list = ReadingList(page: try referencePage())
        let start = list.start(forStep: 14)
        guard case let .prose(passages) = list.items[start] else {
            Issue.record("the walk should start at prose")
            return
        }
        #expect(passages.contains(.heading(level: 2, text: "Validate")))
    }
}
