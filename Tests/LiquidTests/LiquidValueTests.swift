import Foundation
import Liquid
import Testing

@Suite struct LiquidValueTests {
    @Test func literals() {
        let value: LiquidValue = ["s": "x", "i": 1, "d": 1.5, "b": true, "a": [1, "two"]]
        #expect(value == .dictionary(["s": .string("x"), "i": .int(1), "d": .double(1.5), "b": .bool(true),
                                      "a": .array([.int(1), .string("two")])]))
    }

    @Test func fromYamsShapedAny() {
        let yaml: [AnyHashable: Any] = [
            "title": "Vault", "n": 3, "ratio": 0.5, "flag": false, "none": NSNull(),
            "tags": ["a", 1] as [Any], "nested": ["k": "v"] as [String: Any], 7: "int key",
        ]
        let value = LiquidValue(any: yaml)
        #expect(value["title"] == "Vault")
        #expect(value["n"] == .int(3))
        #expect(value["ratio"] == .double(0.5))
        #expect(value["flag"] == .bool(false))
        #expect(value["none"] == .null)
        #expect(value["tags"] == ["a", 1])
        #expect(value["nested"]["k"] == "v")
        #expect(value["7"] == "int key")
        #expect(LiquidValue(any: nil) == .null)
        #expect(LiquidValue(any: Optional<Int>.none as Any) == .null)
        #expect(LiquidValue(any: Optional<Int>.some(4) as Any) == .int(4))
        #expect(LiquidValue(any: Set<AnyHashable>(["b", "a"])) == ["a", "b"])
        #expect(LiquidValue(any: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }

    @Test func text() {
        #expect(LiquidValue.null.text == "")
        #expect(LiquidValue.double(2.0).text == "2.0")
        #expect(LiquidValue.bool(true).text == "true")
        #expect((["a", 1, ["b"]] as LiquidValue).text == "a1b")
        #expect((["b": 2, "a": "x"] as LiquidValue).text == #"{"a"=>"x", "b"=>2}"#)
    }

    @Test func truthinessEmptinessAndBlank() {
        #expect(!LiquidValue.null.isTruthy && !LiquidValue.bool(false).isTruthy)
        #expect(LiquidValue.string("").isTruthy && LiquidValue.int(0).isTruthy && LiquidValue.array([]).isTruthy)
        #expect(LiquidValue.string("").isEmpty && !LiquidValue.string(" ").isEmpty && LiquidValue.string(" ").isBlank)
    }

    @Test func subscripts() {
        let list: LiquidValue = ["a", "b"]
        #expect(list[.int(-1)] == "b" && list[.int(5)] == .null && list["size"] == 2 && list["first"] == "a")
        #expect(LiquidValue.string("héllo")["size"] == 5)
        #expect(LiquidValue.int(3)["x"] == .null)
    }
}
