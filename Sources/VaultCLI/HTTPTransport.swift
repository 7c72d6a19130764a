import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOSSL

/// The production transport: AsyncHTTPClient with the CLI's TLS settings.
/// Connection attempts are not retried, so TLS and connection failures surface
/// at once with Go-worded messages instead of after the request deadline.
final class HTTPTransport: VaultTransport {
    private let client: HTTPClient
    private let deadline: TimeAmount

    /// TLS trust, client certificate and verification taken from the CLI's flags and environment.
    struct TLSSettings {
        /// The CA and client files, already checked with `TLSFiles.problem()`.
        var files = TLSFiles()
        /// `$SSL_CERT_FILE`: Go's crypto/x509 trusts that file instead of the system roots when no CA is named.
        var systemBundle: String?
        var skipVerify = false
        /// The address is `http://`: no TLS context is built (loading the system roots costs ~30 ms a command).
        var plainHTTP = false
    }

    init(tls: TLSSettings, timeoutSeconds: Int64 = 60) throws(VaultCommandError) {
        var config = TLSConfiguration.makeClientConfiguration()
        if !tls.plainHTTP {
            let trusted = tls.files.trustFiles.isEmpty ? tls.systemBundle.map { [$0] } : tls.files.trustFiles
            if let trusted {
                // Unreadable files trust nothing, as Go's pool ends up empty.
                config.trustRoots = .certificates(trusted.flatMap { (try? NIOSSLCertificate.fromPEMFile($0)) ?? [] })
            }
            if let (certificate, key) = tls.files.clientPair {
                do {
                    config.certificateChain = try NIOSSLCertificate.fromPEMBytes(Array(certificate.utf8)).map { .certificate($0) }
                    config.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(key.utf8), format: .pem))
                } catch {
                    throw .clientSetup("failed to setup TLS config: \(error)")
                }
            }
        }
        if tls.skipVerify { config.certificateVerification = .none }
        var pool = HTTPClient.Configuration.ConnectionPool()
        pool.retryConnectionEstablishment = false
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls.plainHTTP ? nil : config,
            timeout: .init(connect: .seconds(10), read: .seconds(timeoutSeconds)),
            connectionPool: pool)
        configuration.httpVersion = .http1Only
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        deadline = .seconds(timeoutSeconds)
    }

    func send(_ request: VaultHTTPRequest) async throws(VaultTransportError) -> VaultHTTPResponse {
        var req = HTTPClientRequest(url: request.url)
        req.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { req.headers.add(name: name, value: value) }
        if let body = request.body { req.body = .bytes(ByteBuffer(data: body)) }
        do {
            let response = try await client.execute(req, timeout: deadline)
            let body = try await response.body.collect(upTo: 64 << 20)
            return VaultHTTPResponse(status: Int(response.status.code), body: Data(buffer: body))
        } catch {
            throw VaultTransportError(message: Self.goMessage(for: error, url: request.url))
        }
    }

    /// Stops the HTTP client; call once when the command is done.
    func shutdown() async {
        try? await client.shutdown()
    }

    /// The text Go's net/http would give for this failure.
    static func goMessage(for error: any Error, url: String) -> String {
        let text = String(reflecting: error)
        let components = URLComponents(string: url)
        let host = components?.host ?? "127.0.0.1"
        let port = components?.port ?? (components?.scheme == "https" ? 443 : 80)
        if text.contains("ECONNREFUSED") || text.localizedCaseInsensitiveContains("connection refused")
            || text.contains("errno: 111") {
            return "dial tcp \(host):\(port): connect: connection refused"
        }
        // A plain-HTTP server answers the ClientHello with an HTTP error and closes the connection.
        if text.contains("WRONG_VERSION_NUMBER") || text.contains("PACKET_LENGTH_TOO_LONG") || text.contains("HTTP_REQUEST")
            || text.contains("EOF during handshake") {
            return "http: server gave HTTP response to HTTPS client"
        }
        if text.contains("failedToValidateHostname") || text.localizedCaseInsensitiveContains("hostname") {
            return "tls: failed to verify certificate: x509: certificate is not valid for \(host)"
        }
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificate") {
            return "tls: failed to verify certificate: x509: certificate signed by unknown authority"
        }
        if let e = error as? HTTPClientError {
            switch e {
            case .deadlineExceeded, .readTimeout, .connectTimeout:
                return "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"
            case .remoteConnectionClosed:
                return "EOF"
            default:
                break
            }
        }
        return String(describing: error)
    }
}
