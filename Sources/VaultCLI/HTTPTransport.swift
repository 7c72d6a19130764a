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

    /// TLS trust and verification taken from the CLI's flags and environment.
    struct TLSSettings {
        var caCertPath: String?
        var skipVerify = false
        /// The address is `http://`: no TLS context is built (loading the system roots costs ~30 ms a command).
        var plainHTTP = false
    }

    init(tls: TLSSettings, timeoutSeconds: Int64 = 60) throws(VaultCommandError) {
        var config = TLSConfiguration.makeClientConfiguration()
        if let path = tls.caCertPath, tls.plainHTTP {
            // No TLS to configure: check the file as the real CLI would, without parsing every certificate.
            guard let text = try? String(contentsOfFile: path, encoding: .utf8), text.contains("-----BEGIN CERTIFICATE-----") else {
                throw .clientSetup("Error loading CA file \(path): no certificates found")
            }
        } else if let path = tls.caCertPath {
            do {
                config.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(path))
            } catch {
                throw .clientSetup("Error loading CA file \(path): \(error)")
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
