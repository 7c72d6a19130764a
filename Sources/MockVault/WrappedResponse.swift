import Foundation

/// A response held behind a single-use wrapping token.
struct WrappedResponse: Sendable {
    var data: JSONValue
    var auth: JSONValue
    var creationPath: String
    var creationTime: Date
    var ttl: Int
    var accessor: String

    func isExpired(now: Date) -> Bool { now >= creationTime.addingTimeInterval(TimeInterval(ttl)) }
}
