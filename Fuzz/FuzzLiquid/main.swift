// libFuzzer target: the Liquid engine on arbitrary templates, with an include that is the template itself
// (cycles, depth) and a context of every value kind. Built by `make fuzz`.
import CFuzzer
import Glibc
import Liquid

/// Variables of every kind for the templates to reach.
private enum Fixture {
    static let context: [String: LiquidValue] = [
        "page": .dictionary(["title": .string("T"), "tags": .array([.string("a"), .int(2), .bool(true), .null]), "n": .double(1.5)]),
        "site": .dictionary(["base_gateway": .string("Kong Gateway"), "list": .array((0..<20).map { .int($0) })]),
    ]
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzLiquid(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let engine = LiquidEngine(includes: { name in
        name.hasPrefix("self") ? IncludeSource(text: text, file: "_includes/self.md") : IncludeSource(text: "{{ include.x }}", file: "_includes/\(name)")
    })
    _ = engine.render(text, file: "fuzz.md", line: 3, context: Fixture.context, strict: size % 2 == 0)
    return 0
}

// libFuzzer runs the entry above on each input; the executable's main hands it argv.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzLiquid))
