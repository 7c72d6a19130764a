import AsyncHTTPClient
import NIOSSL

/// Maps SwiftNIO / BoringSSL transport errors to the strings Kong's HTTP client (OpenSSL via nginx) reports.
enum TLSFailureWording {
    /// Whether the peer's certificate chain was rejected (the reason needs ``TLSChainProbe``).
    static func isVerificationFailure(_ error: any Error) -> Bool {
        let text = String(describing: error)
        return text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("unableToValidateCertificate")
    }

    /// The lua-resty-http style message for `error`.
    static func kongMessage(for error: any Error) -> String {
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return "certificate host mismatch"
        }
        let text = String(describing: error)
        if text.contains("failedToValidateHostname") { return "certificate host mismatch" }
        if isVerificationFailure(error) { return "21: unable to verify the first certificate" }
        if error is NIOSSLError || text.contains("WRONG_VERSION_NUMBER") || text.contains("handshakeFailed") {
            return "handshake failed"
        }
        if text.contains("Connection refused") || text.contains("connectionRefused") || text.contains("ECONNREFUSED") {
            return "connection refused"
        }
        if let client = error as? HTTPClientError {
            if client == .connectTimeout || client == .deadlineExceeded || client == .readTimeout {
                return "timeout"
            }
            if client == .remoteConnectionClosed { return "closed" }
        }
        if text.contains("NXDOMAIN") || text.contains("lookup") || text.contains("resolve") {
            return "no resolver defined to resolve host"
        }
        return text
    }
}
