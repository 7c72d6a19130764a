import Foundation

/// An IPv4 or IPv6 CIDR block (`10.0.0.0/8`, `::1/128`, or a bare address) and whether an address is in it,
/// for `token_bound_cidrs` and `secret_id_bound_cidrs`.
struct CIDRBlock: Sendable {
    private let network: [UInt8]
    private let prefix: Int

    init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", maxSplits: 1).map(String.init)
        guard let first = parts.first, let bytes = Self.bytes(first) else { return nil }
        let bits = bytes.count * 8
        let prefix = parts.count == 2 ? Int(parts[1]) : bits
        guard let prefix, (0...bits).contains(prefix) else { return nil }
        network = bytes
        self.prefix = prefix
    }

    /// Whether `address` (an IP, IPv4-mapped IPv6 accepted) is in the block.
    func contains(_ address: String) -> Bool {
        guard var bytes = Self.bytes(address) else { return false }
        if bytes.count == 16, network.count == 4, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            bytes = Array(bytes[12...])
        }
        guard bytes.count == network.count else { return false }
        for bit in 0..<prefix where (bytes[bit / 8] >> (7 - bit % 8)) & 1 != (network[bit / 8] >> (7 - bit % 8)) & 1 {
            return false
        }
        return true
    }

    /// Whether `address` is in any of `blocks` (true when there are none).
    static func allows(_ address: String, in blocks: [String]) -> Bool {
        blocks.isEmpty || blocks.contains { CIDRBlock($0)?.contains(address) == true }
    }

    private static func bytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}
