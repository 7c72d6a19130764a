// libFuzzer target: GFM pipe tables, from every starting line of the input, then the whole input as
// markdown (tables inside lists and quotes). Built by `make fuzz`.
import CFuzzer
import Glibc
@testable import Markdown

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzPipeTables(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    for start in lines.indices.prefix(64) {
        _ = PipeTable.parse(Array(lines[start...]))
    }
    _ = MarkdownDocument.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.md").html
    return 0
}

// libFuzzer runs the entry above on each input; the executable's main hands it argv.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzPipeTables))
