import Testing
import GoValues

/// JSON as Vault's Go code decodes and encodes it, on the server (the mock) and the client (our `vault`).
struct JSONValueTests {
    @Test(arguments: [
        (#"{"ttl": 1.50, "n": 10, "big": 12345678901234567890, "e": 1e3}"#, #"{"ttl":1.50,"n":10,"big":12345678901234567890,"e":1e3}"#),
        (#"{"b": 1, "a": "<x&y>", "u": "\u00e9\n"}"#, #"{"b":1,"a":"\u003cx\u0026y\u003e","u":"é\n"}"#),
        (#"[true, null, [], {}]"#, #"[true,null,[],{}]"#),
        (#"{"a": 1} trailing"#, #"{"a":1}"#),
    ])
    func numbersKeepTheirTextAndKeysTheirOrder(_ input: String, _ encoded: String) throws {
        #expect(try JSONValue.parse(input).goJSON() == encoded)
    }

    @Test(arguments: [
        ("", "EOF"),
        ("{", "unexpected EOF"),
        ("{1: 2}", "invalid character '1' looking for beginning of object key string"),
        (#"{"a" 1}"#, "invalid character '1' after object key"),
        ("[1 2]", "invalid character '2' after array element"),
        ("tru", "unexpected EOF"),
        ("nul!", "invalid character '!' in literal null (expecting 'l')"),
        ("'x'", #"invalid character '\'' looking for beginning of value"#),
    ])
    func syntaxErrorsAreWordedAsGo(_ input: String, _ message: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(input) }
        do { _ = try JSONValue.parse(input) } catch { #expect(error.description == message) }
    }

    @Test func equalityIsTheGoValuesEquality() throws {
        #expect(JSONValue.int(1) == .number("1.0"))
        #expect(JSONValue.double(2) == .number("2"))
        #expect(JSONValue.number("1") != .string("1"))
        #expect(try JSONValue.parse(#"{"a": 1, "b": [2]}"#) == JSONValue.parse(#"{"b": [2], "a": 1}"#))
        #expect(try JSONValue.parse(#"{"a": 1, "a": 2}"#) == JSONValue.parse(#"{"a": 2}"#))
        #expect(try JSONValue.parse("[1, 2]") != JSONValue.parse("[2, 1]"))
    }

    @Test func aRepeatedKeyReadsAsItsLastValue() throws {
        let value = try JSONValue.parse(#"{"k": "first", "k": "last"}"#)
        #expect(value["k"]?.stringValue == "last")
        #expect(value.setting("k", .int(3))["k"] == .int(3))
    }

    @Test(arguments: [("1", 1 as Int?, 1 as Int?), ("1.9", nil, 1), ("-2.5", nil, -2), ("1e30", nil, nil)])
    func integersAreReadAsGoReadsANumber(_ literal: String, _ int: Int?, _ truncated: Int?) {
        #expect(JSONValue.number(literal).intValue == int)
        #expect(JSONValue.number(literal).truncatedIntValue == truncated)
    }

    @Test func durationsReadNumbersAndStrings() {
        #expect(GoDuration.seconds(JSONValue.number("90")) == 90)
        #expect(GoDuration.seconds(JSONValue.number("1.5")) == 1)
        #expect(GoDuration.seconds(JSONValue.string("1h")) == 3600)
        #expect(GoDuration.seconds(nil as JSONValue?) == 0)
        #expect(GoDuration.seconds(JSONValue.bool(true)) == nil)
        #expect(GoDuration.human(.number("3600")) == "1h")
        #expect(GoDuration.human(.string("x")) == "x")
    }
}
