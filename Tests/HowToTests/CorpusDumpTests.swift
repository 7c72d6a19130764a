import Diagnostics
import Foundation
import Testing
@testable import HowTo

@Suite struct CorpusDumpTests {
    @Test func dump() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: MalformedCorpusTests.directory.path).sorted() where name.hasSuffix(".md") {
            for strict in [false, true] {
                let (page, d, _) = MalformedCorpusTests.load(name, strict: strict)
                print("== \(name) strict=\(strict) page=\(page != nil)")
                for x in d { print("   \(x.location.line):\(x.location.column) \(x.severity) \(x.message)") }
            }
        }
    }
}
