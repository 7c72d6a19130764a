@testable import HowTo
import Diagnostics
import Testing
import Yams

@Suite struct YAMLReaderTests {
    private func compose(_ yaml: String) -> (Node?, [String]) {
        var reader = YAMLReader(file: "f.md", firstLine: 2)
        let node = reader.compose(yaml)
        return (node, reader.diagnostics.map(\.description))
    }

    /// Jekyll (Psych) keeps the last of a repeated key; so do we, with a warning that names both lines.
    @Test(arguments: [
        ("a: 1\nb: 2\na: 3\n", "a", "3", ["f.md:4:1: warning: duplicate key `a` (also on line 2); the last one wins, as in Jekyll, so line 2's value is ignored"]),
        ("x:\n  log:\n    on: yes\n    deep:\n      - 1\n  mid: 2\n  log:\n    on: no\n", "x.log.on", "no",
         ["f.md:8:3: warning: duplicate key `log` (also on line 3); the last one wins, as in Jekyll, so line 3's value is ignored"]),
        ("- name: a\n  name: b\n- name: c\n", "0.name", "b",
         ["f.md:3:3: warning: duplicate key `name` (also on line 2); the last one wins, as in Jekyll, so line 2's value is ignored"]),
    ])
    func aRepeatedBlockKeyWarnsAndTheLastWins(yaml: String, path: String, value: String, messages: [String]) throws {
        let (node, diagnostics) = compose(yaml)
        #expect(diagnostics == messages)
        var current = try #require(node)
        for part in path.split(separator: ".") {
            current = try #require(Int(part).map { current.sequence?[$0] } ?? current.mapping?[String(part)])
        }
        #expect(current.string == value)
    }

    @Test func everyRepeatedKeyIsResolvedAndABlockListValueGoesWithItsKey() throws {
        let (node, diagnostics) = compose("b: 1\na: 1\nb: 2\na: 2\ntools:\n- deck\n# a comment\n- kongctl\ntools: [x]\n")
        #expect(diagnostics.count == 3 && diagnostics.allSatisfy { $0.contains("warning: duplicate key") }, "\(diagnostics)")
        #expect(node?.mapping?["a"]?.string == "2" && node?.mapping?["b"]?.string == "2")
        #expect(node?.mapping?["tools"]?.sequence?.map(\.string) == ["x"])
    }

    @Test func theSecondItemOfAListKeepsItsOwnKeys() throws {
        let (node, diagnostics) = compose("- name: a\n- name: c\n  name: d\n")
        #expect(diagnostics == ["f.md:4:3: warning: duplicate key `name` (also on line 3); the last one wins, as in Jekyll, so line 3's value is ignored"])
        #expect(node?.sequence?.map { $0.mapping?["name"]?.string } == ["a", "d"])
    }

    @Test func aRepeatedKeyInAFlowMappingStaysAnError() {
        let (node, diagnostics) = compose("m: {a: 1, a: 2}\n")
        #expect(node == nil)
        #expect(diagnostics.count == 1 && diagnostics[0].contains("error: invalid YAML: duplicate key `a`"))
    }
}
