import Testing
@testable import VaultCLI
import GoValues

@Suite struct FormattingTests {
    @Test func columnsAlignWithFourSpacesAndShowEmptyAsNA() {
        let table = Columns.keyValue([("a", "1"), ("long_key", ""), ("k", "x")])
        #expect(table == "Key         Value\n---         -----\na           1\nlong_key    n/a\nk           x")
    }

    @Test func equalSignHeadersMatchTheCLI() throws {
        #expect(Columns.equalSignsHeader("Secret Path", totalLength: "secret/data/password".count) == "==== Secret Path ====")
        #expect(Columns.equalSignsHeader("Metadata Path", totalLength: "secret/metadata/password".count) == "===== Metadata Path =====")
        let metadata = try JSONValue.parse(#"{"created_time":"x","custom_metadata":null,"version":1}"#)
        #expect(Columns.header("Metadata", for: metadata) == "======= Metadata =======")
    }

    @Test func goValuesPrintLikePercentV() throws {
        let value = try JSONValue.parse(#"{"b":[1,"x",null],"a":{"z":true,"y":""},"n":1.50}"#)
        #expect(value.goDescription == "map[a:map[y: z:true] b:[1 x <nil>] n:1.50]")
        #expect(try JSONValue.parse(#"["default","x"]"#).goQuotedList == #"["default" "x"]"#)
        #expect(JSONValue.null.goQuotedList == "[]")
    }

    @Test func jsonIsEncodedAsGoDoes() throws {
        let value = try JSONValue.parse(#"{"b":"<a&b>","a":[],"c":{},"d":[1,{"x":null}]}"#)
        #expect(value.goJSON() == #"{"b":"\u003ca\u0026b\u003e","a":[],"c":{},"d":[1,{"x":null}]}"#)
        #expect(value.sortedKeys().goIndentedJSON() == """
            {
              "a": [],
              "b": "\\u003ca\\u0026b\\u003e",
              "c": {},
              "d": [
                1,
                {
                  "x": null
                }
              ]
            }
            """)
    }

    @Test func wrappingMinimisesRaggednessLikeKrText() {
        let text = "Success! You are now authenticated. The token information displayed below is already stored in the token helper. You do NOT need to run \"vault login\" again. Future Vault requests will automatically use this token."
        #expect(TextWrap.wrap(text) == """
            Success! You are now authenticated. The token information displayed below
            is already stored in the token helper. You do NOT need to run "vault login"
            again. Future Vault requests will automatically use this token.
            """)
    }

    @Test func kvPathsGetTheAPIPrefix() {
        #expect(VaultPaths.addKVPrefix("secret/password", mount: "secret/", apiPrefix: "data") == "secret/data/password")
        #expect(VaultPaths.addKVPrefix("secret", mount: "secret/", apiPrefix: "metadata") == "secret/metadata")
        #expect(VaultPaths.addKVPrefix("secret/a/b", mount: "secret/", apiPrefix: "undelete") == "secret/undelete/a/b")
        #expect(VaultPaths.join("secret/", "") == "secret")
        #expect(VaultPaths.sanitize("/a/b//") == "a/b")
    }
}
