/// A stable slice of the how-tos for CI matrices: `--shard i/n` takes the paths whose hash lands on `i`.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based index of this shard.
    public let index: Int
    /// How many shards there are.
    public let count: Int

    /// Parses `i/n` with 1 ≤ i ≤ n; nil if malformed.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else { return nil }
        index = i
        count = n
    }

    /// Whether `path` belongs to this shard (FNV-1a of the path: stable across machines and runs).
    public func contains(_ path: String) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int(hash % UInt64(count)) == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}
