// libFuzzer target: a whole how-to page (front matter split, YAML, the typed front matter, then the body's
// Liquid, Kong blocks and markdown), loaded against the repository's content root. Built by `make fuzz`.
import CFuzzer
import Glibc
@testable import HowTo

/// The repository's content root: its site variables and includes.
private enum Fixture {
    static let loader = ContentLoader(root: "content")
    static let site = (try? loader.loadSite()) ?? SiteConfig()
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    var loading = PageLoading(loader: Fixture.loader, path: "content/how-to/fuzz.md", site: Fixture.site, topology: "on-prem")
    _ = loading.run(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

// libFuzzer runs the entry above on each input; the executable's main hands it argv.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzFrontMatter))
