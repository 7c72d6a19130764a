import X509
import SwiftASN1
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension SubjectAlternativeNames {
    /// The SAN entry for a host: an IP address SAN for an IPv4/IPv6 literal, a DNS SAN otherwise.
    static func name(for host: String) throws -> GeneralName {
        if let bytes = ipAddressBytes(host, family: AF_INET, size: 4) ?? ipAddressBytes(host, family: AF_INET6, size: 16) {
            return .ipAddress(ASN1OctetString(contentBytes: ArraySlice(bytes)))
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "*" }) else {
            throw TestPKIError.invalidHost(host)
        }
        return .dnsName(host)
    }

    private static func ipAddressBytes(_ host: String, family: Int32, size: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: size)
        let parsed = buffer.withUnsafeMutableBytes { inet_pton(family, host, $0.baseAddress) }
        return parsed == 1 ? buffer : nil
    }
}
