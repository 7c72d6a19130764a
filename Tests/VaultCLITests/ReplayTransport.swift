import Foundation
import Synchronization
@testable import VaultCLI
import GoValues

/// A transport that answers with recorded exchanges, in order, and keeps what it was sent.
final class ReplayTransport: VaultTransport {
    struct Answer: Sendable {
        let status: Int
        let body: Data
    }

    private let answers: Mutex<[Answer]>
    private let sent = Mutex<[VaultHTTPRequest]>([])

    init(_ answers: [Answer]) { self.answers = Mutex(answers) }

    /// Answers taken from a fixture's exchanges (bodies re-encoded compactly plus `\n`, as Vault sends them).
    convenience init(_ fixture: Fixture) {
        self.init(fixture.exchanges.map { e in
            Answer(status: e.status, body: e.responseBody.isNull ? Data() : Data((e.responseBody.goJSON() + "\n").utf8))
        })
    }

    var requests: [VaultHTTPRequest] { sent.withLock { $0 } }

    func send(_ request: VaultHTTPRequest) async throws(VaultTransportError) -> VaultHTTPResponse {
        sent.withLock { $0.append(request) }
        let answer = answers.withLock { a -> Answer? in a.isEmpty ? nil : a.removeFirst() }
        guard let answer else { throw VaultTransportError(message: "unexpected request \(request.method) \(request.url)") }
        return VaultHTTPResponse(status: answer.status, body: answer.body)
    }
}
