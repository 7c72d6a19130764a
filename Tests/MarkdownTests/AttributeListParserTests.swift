@testable import Markdown
import Testing

@Suite struct AttributeListParserTests {
    private func parse(_ text: String) -> Result<Attributes, AttributeListParser.Failure> {
        parsed(text).map(\.attributes)
    }

    private func parsed(_ text: String) -> Result<AttributeListParser.Parsed, AttributeListParser.Failure> {
        let bytes = Array(text.utf8)
        return AttributeListParser(bytes: bytes[...]).parse(openingAt: bytes.firstIndex(of: UInt8(ascii: "{"))!)
    }

    /// kramdown skips a lone `.` or `#` and takes the next bare word for an attribute list reference: no class.
    @Test(arguments: [
        ("{:. warning}", [AttributeListParser.Failure(error: .detachedName(marker: ".", name: "warning"), index: 2)], [String]()),
        ("{: .info # top }", [.init(error: .detachedName(marker: "#", name: "top"), index: 9)], ["info"]),
    ])
    func aDetachedNameIsAWarningAndAddsNothing(text: String, warnings: [AttributeListParser.Failure], classes: [String]) throws {
        let result = try parsed(text).get()
        #expect(result.warnings == warnings)
        #expect(result.attributes.classes == classes)
        #expect(result.attributes.id == nil)
    }

    @Test func readsClassesIdAndPairsInOrder() throws {
        let attributes = try parse(#"{: key="value" key2='v w' key3=bare .cls #main .b.c }"#).get()
        #expect(attributes.classes == ["cls", "b", "c"])
        #expect(attributes.id == "main")
        #expect(attributes.keys == ["key", "key2", "key3"])
        #expect(attributes["key2"] == "v w")
        #expect(attributes["key3"] == "bare")
    }

    @Test func readsRunmeStyleWithoutColonAndEscapedQuotes() throws {
        let attributes = try parse(#"sh { background=true ready="http://x/y" timeout=30s say="a \"b\"" }"#).get()
        #expect(attributes.pairs.map(\.key) == ["background", "ready", "timeout", "say"])
        #expect(attributes["ready"] == "http://x/y")
        #expect(attributes["say"] == #"a "b""#)
    }

    @Test func idAndClassKeysSetIdAndClasses() throws {
        let attributes = try parse(#"{: id="x" class="a b" }"#).get()
        #expect(attributes.id == "x")
        #expect(attributes.classes == ["a", "b"])
        #expect(attributes.keys.isEmpty)
    }

    @Test(arguments: [
        (#"{: key="unclosed }"#, 7, AttributeListError.unterminatedValue(key: "key")),
        ("{:.info", 0, .missingClosingBrace),
        ("{:. }", 2, .missingClassName),
        ("{:. key=v}", 2, .missingClassName),
        ("{:# }", 2, .missingID),
        ("{: flag }", 7, .missingEquals(key: "flag")),
        ("{: key= }", 7, .missingValue(key: "key")),
        ("{:.a} trailing", 6, .textAfterClosingBrace),
        ("{: @x }", 3, .unexpectedCharacter("@")),
    ])
    func reportsWhereItFails(text: String, index: Int, error: AttributeListError) {
        guard case .failure(let failure) = parse(text) else {
            Issue.record("\(text) parsed")
            return
        }
        #expect(failure == AttributeListParser.Failure(error: error, index: index))
    }
}
