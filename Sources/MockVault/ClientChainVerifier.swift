import Foundation
import X509

/// Go's `x509.Certificate.Verify` as cert auth calls it (`validateConnState`): the leaf's dates first, then
/// every chain through the presented intermediates to a trusted CA, each certificate in its dates, issuers
/// CAs, and the leaf and intermediates allowing client authentication.
enum ClientChainVerifier {
    /// A refusal that is not "unknown authority" (Vault answers it as an internal error).
    struct Failure: Error {
        let message: String
    }

    /// The chains (leaf first, trusted CA last); empty when no trusted CA issued it.
    static func chains(leaf: Certificate, intermediates: [Certificate], roots: [Certificate], now: Date) throws(Failure) -> [[Certificate]] {
        try checkDates(leaf, now: now)
        var found: [[Certificate]] = []
        func extend(_ chain: [Certificate], depth: Int) {
            let last = chain[chain.count - 1]
            for root in roots where issued(last, by: root) && valid(root, now: now) {
                found.append(chain + [root])
            }
            guard depth < 4 else { return }
            for intermediate in intermediates where !chain.contains(intermediate) && issued(last, by: intermediate)
                && valid(intermediate, now: now) && isCA(intermediate) {
                extend(chain + [intermediate], depth: depth + 1)
            }
        }
        extend([leaf], depth: 0)
        guard !found.isEmpty else { return [] }
        let usable = found.filter { chain in chain.dropLast().allSatisfy(allowsClientAuth) }
        guard !usable.isEmpty else { throw Failure(message: "x509: certificate specifies an incompatible key usage") }
        return usable
    }

    private static func checkDates(_ certificate: Certificate, now: Date) throws(Failure) {
        let format = ISO8601DateFormatter()
        if now < certificate.notValidBefore {
            throw Failure(message: "x509: certificate has expired or is not yet valid: current time \(format.string(from: now)) is before \(format.string(from: certificate.notValidBefore))")
        }
        if now > certificate.notValidAfter {
            throw Failure(message: "x509: certificate has expired or is not yet valid: current time \(format.string(from: now)) is after \(format.string(from: certificate.notValidAfter))")
        }
    }

    private static func valid(_ certificate: Certificate, now: Date) -> Bool {
        certificate.notValidBefore <= now && now <= certificate.notValidAfter
    }

    static func isCA(_ certificate: Certificate) -> Bool {
        if case .isCertificateAuthority? = try? certificate.extensions.basicConstraints { return true }
        return false
    }

    private static func issued(_ child: Certificate, by issuer: Certificate) -> Bool {
        if child == issuer { return true }
        return child.issuer == issuer.subject && issuer.publicKey.isValidSignature(child.signature, for: child)
    }

    /// No extended key usage means any; otherwise it must name client authentication (or any).
    private static func allowsClientAuth(_ certificate: Certificate) -> Bool {
        guard let usage = try? certificate.extensions.extendedKeyUsage else { return true }
        return usage.contains(.clientAuth) || usage.contains(.any)
    }
}
