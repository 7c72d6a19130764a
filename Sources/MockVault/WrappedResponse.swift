import Foundation
import GoValues

/// A response held behind a single-use wrapping token.
struct WrappedResponse: Sendable {
    var data: JSONValue
    var auth: JSONValue
    var creationPath: String
    var creationTime: Date
    var ttl: Int
    var accessor: String
    /// The wrapped response's own lease duration (a KV v1 read keeps its 768 h).
    var leaseDuration = 0

    func isExpired(now: Date) -> Bool { now >= creationTime.addingTimeInterval(TimeInterval(ttl)) }
}
