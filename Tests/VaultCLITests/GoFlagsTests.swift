import Testing
@testable import VaultCLI

@Suite struct GoFlagsTests {
    let specs: [GoFlags.Spec] = [.value("mount"), .value("format"), .bool("force"), .value("policy")]

    @Test func acceptsGoSpellings() throws {
        let flags = try GoFlags.parse(["-mount=secret", "--format", "json", "-force", "-policy=a", "-policy", "b", "path", "k=v"], specs: specs)
        #expect(flags.string("mount") == "secret")
        #expect(flags.string("format") == "json")
        #expect(flags.bool("force"))
        #expect(flags.all("policy") == ["a", "b"])
        #expect(flags.positional == ["path", "k=v"])
    }

    @Test func stopsAtTheFirstPositionalArgument() throws {
        let flags = try GoFlags.parse(["path", "-force"], specs: specs)
        #expect(!flags.bool("force"))
        #expect(flags.positional == ["path", "-force"])
        #expect(flags.strandedFlags == ["-force"])
    }

    @Test func doubleDashEndsFlagsAndLoneDashIsPositional() throws {
        #expect(try GoFlags.parse(["--", "-force"], specs: specs).positional == ["-force"])
        #expect(try GoFlags.parse(["-", "x"], specs: specs).positional == ["-", "x"])
    }

    @Test func booleanTakesNoSeparateValue() throws {
        let flags = try GoFlags.parse(["-force", "false"], specs: specs)
        #expect(flags.bool("force"))
        #expect(flags.positional == ["false"])
        #expect(try !GoFlags.parse(["-force=false"], specs: specs).bool("force"))
    }

    @Test func errorsAreWordedAsGo() {
        func message(_ arguments: [String]) -> String? {
            do {
                _ = try GoFlags.parse(arguments, specs: specs)
                return nil
            } catch {
                return error.description
            }
        }
        #expect(message(["-nope"]) == "flag provided but not defined: -nope")
        #expect(message(["-mount"]) == "flag needs an argument: -mount")
        #expect(message(["-force=maybe"]) == "invalid boolean value \"maybe\" for -force: parse error")
    }
}
