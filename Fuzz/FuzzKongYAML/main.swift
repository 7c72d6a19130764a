// libFuzzer target: the YAML of Kong blocks (`entity_examples`, each `validation` type) and decK files,
// all read through BoundedYAML. Built by `make fuzz`.
import CFuzzer
import Glibc
import Diagnostics
@testable import Gateway
@testable import HowTo

/// Where the block's YAML starts in its (imaginary) how-to.
private enum Fixture {
    static let location = SourceLocation(file: "fuzz.md", line: 10)
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzKongYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let yaml = try? BlockYAML(text, at: Fixture.location, block: "entity_examples") {
        if let examples = try? EntityExamples(yaml: yaml, tools: ["deck", "admin-api"]) { _ = examples.command }
        for type in ValidationBlock.types { _ = try? ValidationBlock(type: type, yaml: yaml, location: Fixture.location) }
        _ = PsychYAML.dump(yaml.root)
    }
    _ = try? YAMLConversion.parse(text)
    return 0
}

// libFuzzer runs the entry above on each input; the executable's main hands it argv.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzKongYAML))
