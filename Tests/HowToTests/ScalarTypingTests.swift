import TestHelpers
import Testing
import Yams
@testable import HowTo

/// `ScalarTyping` must type plain scalars exactly as Yams' regular-expression rules do.
@Suite struct ScalarTypingTests {
    private static let yamsRules = Resolver.default.removing(.timestamp).removing(.merge).removing(.value)

    /// The tag Yams' own rules give a plain scalar.
    private func yamsTag(_ text: String) -> Yams.Tag.Name {
        Yams.Tag.Name(rawValue: Node(text, Yams.Tag(.implicit, Self.yamsRules)).tag.rawValue)
    }

    @Test(arguments: [
        "", "~", "null", "NULL", "Null", "nULL", "true", "True", "TRUE", "tRUE", "yes", "on", "OFF", "y", "n",
        "0", "00", "07", "08", "0o7", "0o8", "0b101", "0b2", "0x1F", "0xg", "-0", "+12", "1_000", "12:30", "1:70", "1:7:5",
        "3.13", "3.", ".5", "+.5", ".5e+3", ".5e3", "1e5", "1E-5", "1.5e", "-.inf", ".Inf", "+.INF", ".nan", "-.nan", ".NaN",
        "1:20.5", "1:20:", "190:20:30.15", "_1", "1__", "0_", "3.13.1", "v3", "12 ", "--1", "+", "-", ".", "e5", "0x", "0b",
    ])
    func matchesYamsOnTrickyScalars(_ text: String) {
        #expect(ScalarTyping.tag(of: text) == yamsTag(text), "\(text)")
    }

    @Test func matchesYamsOnAGeneratedCorpus() {
        let alphabet = Array("0123456789_.-+eExobInfaNtruyslFO:~ ")
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 7)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            #expect(ScalarTyping.tag(of: text) == yamsTag(text), "\"\(text)\"")
        }
    }

    @Test func quotedScalarsStayText() throws {
        let node = try #require(try Yams.compose(yaml: "a: '3.13'\nb: 3.13\nc: !!str 7\nd: yes", YAMLReader.resolver))
        let mapping = try #require(node.mapping)
        #expect(YAMLReader.kind(try #require(mapping["a"])) == .str)
        #expect(YAMLReader.kind(try #require(mapping["b"])) == .float)
        #expect(YAMLReader.kind(try #require(mapping["c"])) == .str)
        #expect(YAMLReader.kind(try #require(mapping["d"])) == .bool)
        #expect(mapping["d"]?.bool == true)
    }
}
