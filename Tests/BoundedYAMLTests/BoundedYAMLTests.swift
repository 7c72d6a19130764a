import BoundedYAML
import Foundation
import TestHelpers
import Testing
import Yams

@Suite struct BoundedYAMLTests {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test func aliasBombIsRefusedAtItsLineQuickly() throws {
        let bomb = HostileYAML.aliasBomb()
        #expect(bomb.utf8.count < 500)
        let start = ContinuousClock.now
        let error = #expect(throws: YAMLLimitError.self) { try BoundedYAML.compose(bomb) }
        #expect(ContinuousClock.now - start < .milliseconds(500))
        #expect(error?.kind == .aliasExpansion(limit: YAMLLimits.default.maxAliasedNodes))
        #expect(error?.line == HostileYAML.aliasBombLimitLine)
        #expect(error?.column == 10)
        #expect(error?.description.hasPrefix("line 6, column 10: YAML aliases here expand to more than 100000 nodes") == true)
    }

    @Test func aliasBombAsMappingKeysIsRefusedBeforeComposing() throws {
        // Yams hashes mapping keys while composing, so an alias key would expand inside compose itself.
        let yaml = HostileYAML.aliasBomb() + "m:\n  ? *l8\n  : 1\n  ? *l7\n  : 2\n"
        #expect(throws: YAMLLimitError.self) { try BoundedYAML.compose(yaml) }
    }

    @Test func smallerBombsPassUnderTheLimit() throws {
        let node = try #require(try BoundedYAML.compose(HostileYAML.aliasBomb(levels: 4)))
        #expect(node["l3"]?.sequence?.count == 9)
        #expect(node["l3"]?.sequence?.first?.sequence?.first?.sequence?.first?.sequence?.first?.string == "lol")
    }

    @Test func deepNestingIsRefusedAtTheLevelThatPassesTheLimit() throws {
        let limit = YAMLLimits.default.maxDepth
        let error = #expect(throws: YAMLLimitError.self) { try BoundedYAML.compose(HostileYAML.deepNesting(limit + 1)) }
        #expect(error?.kind == .tooDeep(limit: limit))
        #expect(error?.line == 1)
        #expect(error?.column == limit + 1)
        #expect(try BoundedYAML.compose(HostileYAML.deepNesting(limit)) != nil)
    }

    @Test func deepNestingThroughAliasesIsRefused() throws {
        let limits = YAMLLimits(maxBytes: 1 << 20, maxAliasedNodes: 1_000, maxDepth: 10)
        let yaml = "a: &a [[[[[[x]]]]]]\nb: [[[[*a]]]]\n"
        let error = #expect(throws: YAMLLimitError.self) { try BoundedYAML.compose(yaml, limits: limits) }
        #expect(error?.kind == .tooDeep(limit: 10))
        #expect(error?.line == 2)
    }

    @Test func blockIndentedNestingIsScannedToo() throws {
        let limits = YAMLLimits(maxBytes: 1 << 20, maxAliasedNodes: 1_000, maxDepth: 10)
        let yaml = (0..<12).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x\n"
        let error = #expect(throws: YAMLLimitError.self) { try BoundedYAML.compose(yaml, limits: limits) }
        #expect(error?.kind == .tooDeep(limit: 10))
    }

    @Test func compactBlockSequencesAreScannedToo() throws {
        let limits = YAMLLimits(maxBytes: 1 << 20, maxAliasedNodes: 1_000, maxDepth: 10)
        let error = #expect(throws: YAMLLimitError.self) {
            try BoundedYAML.compose("key:\n" + String(repeating: "- ", count: 12) + "x\n", limits: limits)
        }
        #expect(error?.kind == .tooDeep(limit: 10))
        #expect(error?.line == 2)
        #expect(try BoundedYAML.compose("a: b c d e f g h i j k l m n o p q r s t u v\n", limits: limits) != nil, "spaces inside a line are not nesting")
    }

    @Test func oversizedTextIsRefusedWithoutParsing() throws {
        let limits = YAMLLimits(maxBytes: 100, maxAliasedNodes: 1_000, maxDepth: 10)
        let error = #expect(throws: YAMLLimitError.self) { try BoundedYAML.compose(String(repeating: "a: b\n", count: 30), limits: limits) }
        #expect(error?.kind == .tooLarge(bytes: 150, limit: 100))
    }

    @Test func kongCorpusAnchorsAndMergeKeysKeepWorking() throws {
        let corpus = Self.packageRoot + "/../shared/corpus/kong/app/_data"
        for file in ["entity_examples/config.yml", "plugins/otel-metrics.yaml"] {
            let text = try String(contentsOfFile: corpus + "/" + file, encoding: .utf8)
            #expect(text.contains("*"), "\(file) uses aliases")
            #expect(try BoundedYAML.compose(text) != nil, "\(file)")
        }
    }

    @Test func aliasesResolveToTheAnchoredValue() throws {
        let node = try #require(try BoundedYAML.compose("base: &base {a: 1}\ncopy: *base\nname: &n x\nagain: *n\n"))
        #expect(node["copy"]?["a"]?.string == "1")
        #expect(node["again"]?.string == "x")
    }

    @Test func syntaxErrorsAreLeftToYams() throws {
        #expect(throws: YamlError.self) { try BoundedYAML.compose("a: [1, *missing\n") }
        #expect(throws: YamlError.self) { try BoundedYAML.compose("a: *undefined\n") }
    }
}
