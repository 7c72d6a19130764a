#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Errors raised while generating or writing the run's certificates.
public enum TestPKIError: Error, CustomStringConvertible {
    /// A server certificate was requested for no host at all.
    case noHosts
    /// A host is neither an IP literal nor a DNS name.
    case invalidHost(String)
    /// A file could not be written.
    case cannotWrite(path: String, errno: Int32)
    /// A file could not be read.
    case cannotRead(path: String)

    public var description: String {
        switch self {
        case .noHosts: "a server certificate needs at least one host name"
        case .invalidHost(let host): "'\(host)' is not a valid host name or IP address for a certificate"
        case .cannotWrite(let path, let code): "cannot write \(path): \(String(cString: strerror(code)))"
        case .cannotRead(let path): "cannot read \(path)"
        }
    }
}
