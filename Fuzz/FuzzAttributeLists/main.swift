// libFuzzer target: kramdown/Runme attribute lists, parsed at every `{` of every line (slices keep their
// offsets into the input, as in the converter), then the whole input as markdown. Built by `make fuzz`.
import CFuzzer
import Glibc
@testable import Markdown

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzAttributeLists(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        for open in line.indices where line[open] == UInt8(ascii: "{") {
            _ = AttributeListParser(bytes: line).parse(openingAt: open)
        }
    }
    _ = MarkdownDocument.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.md").html
    return 0
}

// libFuzzer runs the entry above on each input; the executable's main hands it argv.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzAttributeLists))
