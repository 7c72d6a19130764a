// libFuzzer target: the mock Vault's request handling (routing, policies, body decoding, every backend) on
// a fresh dev-mode core per input. The input is one or more requests separated by `===` lines, each
// `METHOD /path?query`, `Name: value` header lines, a blank line, then the body. Built by `make fuzz`.
import CFuzzer
import Glibc
import Dispatch
@testable import MockVault

/// A sendable box for the answer of the async core, read after the semaphore.
private final class Done: @unchecked Sendable {
    let semaphore = DispatchSemaphore(value: 0)
}

private func requests(in text: String) -> [VaultRequest] {
    text.split(separator: "\n===\n", omittingEmptySubsequences: true).prefix(16).map { chunk in
        let (head, body) = chunk.firstRange(of: "\n\n").map { (chunk[..<$0.lowerBound], chunk[$0.upperBound...]) } ?? (chunk[...], ""[...])
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        let requestLine = (lines.next() ?? "").split(separator: " ", maxSplits: 1)
        let target = requestLine.count > 1 ? requestLine[1] : "/"
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var headers: [String: String] = [:]
        while let line = lines.next() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = String(line[line.index(after: colon)...].drop { $0 == " " })
        }
        return VaultRequest(
            method: String(requestLine.first ?? "GET").uppercased(), rawPath: String(path.first ?? "/"),
            query: VaultResponder.parseQuery(path.count > 1 ? String(path[1]) : nil), headers: headers, body: Array(body.utf8))
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzVaultHTTP(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let batch = requests(in: String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    let done = Done()
    Task.detached {
        let core = VaultCore(configuration: MockVaultConfiguration(trustedCAFile: nil))
        for request in batch { _ = await core.handle(request) }
        done.semaphore.signal()
    }
    done.semaphore.wait()
    return 0
}

// libFuzzer runs the entry above on each input; the executable's main hands it argv.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzVaultHTTP))
