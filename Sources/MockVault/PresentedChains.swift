import NIOSSL
import SwiftASN1
import Synchronization
import X509

/// The certificate chains clients presented in their TLS handshakes, by leaf: Hummingbird's TLS channel
/// hands the server only the leaf afterwards, and cert auth needs the intermediates a client sent.
final class PresentedChains: Sendable {
    static let shared = PresentedChains()
    /// Handshakes remembered; older ones are forgotten.
    private static let capacity = 512
    private let chains = Mutex<[(leaf: [UInt8], chain: [Certificate])]>([])

    /// Remembers a handshake's chain (leaf first).
    func record(_ presented: [NIOSSLCertificate]) {
        let certificates = presented.compactMap { try? $0.toDERBytes() }.compactMap { try? Certificate(derEncoded: $0) }
        guard let leaf = presented.first.flatMap({ try? $0.toDERBytes() }), !certificates.isEmpty else { return }
        chains.withLock { list in
            list.removeAll { $0.leaf == leaf }
            list.append((leaf, certificates))
            if list.count > Self.capacity { list.removeFirst(list.count - Self.capacity) }
        }
    }

    /// The chain last presented with this leaf (DER), leaf first.
    func chain(leaf: [UInt8]) -> [Certificate]? {
        chains.withLock { list in list.last { $0.leaf == leaf }?.chain }
    }
}
