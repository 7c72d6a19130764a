import Markdown
import Testing

@Suite struct AttributesTests {
    @Test func mergingLetsTheOverlayWinAndKeepsOrder() {
        let info = Attributes(classes: ["a"], id: "one", pairs: [("timeout", "30s"), ("ready", "x")])
        let list = Attributes(classes: ["b", "a"], pairs: [("timeout", "5s"), ("retry", "3")])
        let merged = info.merging(list)
        #expect(merged.classes == ["a", "b"])
        #expect(merged.id == "one")
        #expect(merged.pairs.map(\.key) == ["timeout", "ready", "retry"])
        #expect(merged["timeout"] == "5s")
    }

    @Test func settingNilRemovesAKey() {
        var attributes = Attributes(pairs: [("a", "1"), ("b", "2")])
        attributes["a"] = nil
        #expect(attributes.keys == ["b"])
        #expect(!attributes.isEmpty)
        attributes["b"] = nil
        #expect(attributes.isEmpty)
    }
}
