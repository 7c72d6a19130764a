import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOSSL

/// HTTP(S) to Vault and the OAuth2 token endpoint with Kong's trust settings; failures carry Kong's wording.
struct HCVTransport {
    /// A response's status and body text.
    struct Response {
        var status: Int
        var body: String
    }

    /// A transport failure, worded like lua-resty-http's error strings.
    struct Failure: Error {
        var message: String
    }

    private let client: HTTPClient
    private let verify: Bool
    private let timeout: TimeAmount

    /// A client trusting the system store plus `SSL_CERT_FILE` and `KONG_LUA_SSL_TRUSTED_CERTIFICATE`;
    /// `clientCertificate` is a `(certificate PEM, key PEM)` pair for mutual TLS.
    init(environment: [String: String], verify: Bool, clientCertificate: (String, String)?,
         timeout: Duration) throws(Failure) {
        var tls = TLSConfiguration.makeClientConfiguration()
        let bundles = [environment["SSL_CERT_FILE"]]
            + (environment["KONG_LUA_SSL_TRUSTED_CERTIFICATE"] ?? "").split(separator: ",").map { String($0) }
        tls.additionalTrustRoots = bundles.compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .filter { $0 != "system" && !$0.isEmpty && FileManager.default.fileExists(atPath: $0) }
            .map { NIOSSLAdditionalTrustRoots.file($0) }
        if !verify { tls.certificateVerification = .none }
        if let (certificate, key) = clientCertificate {
            do {
                tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(Array(certificate.utf8)).map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(key.utf8), format: .pem))
            } catch {
                throw Failure(message: "failed to load client certificate: \(error)")
            }
        }
        let amount = TimeAmount.nanoseconds(timeout.components.seconds * 1_000_000_000
            + timeout.components.attoseconds / 1_000_000_000)
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            timeout: .init(connect: amount, read: amount))
        configuration.dnsOverride = ["host.docker.internal": "127.0.0.1"]
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.httpVersion = .http1Only
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.timeout = amount
        self.verify = verify
    }

    /// Sends one request; `body` is sent as is.
    func send(_ method: String, _ url: String, headers: [(String, String)] = [],
              body: Data? = nil) async throws(Failure) -> Response {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        request.headers.add(name: "User-Agent", value: "lua-resty-http/0.17.1 (Lua) ngx_lua/10026")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(data: body)) }
        if verify, let target = URL(string: url), target.scheme == "https", let host = target.host,
           !(await TLSChainProbe.certificateNames(host: host, port: target.port ?? 443)) {
            throw Failure(message: "certificate host mismatch")
        }
        do {
            let response = try await client.execute(request, timeout: timeout)
            let bytes = try await response.body.collect(upTo: 8 << 20)
            return Response(status: Int(response.status.code), body: String(buffer: bytes))
        } catch {
            if TLSFailureWording.isVerificationFailure(error), let target = URL(string: url), let host = target.host {
                throw Failure(message: await TLSChainProbe.verificationFailure(host: host, port: target.port ?? 443))
            }
            throw Failure(message: TLSFailureWording.kongMessage(for: error))
        }
    }

    /// Releases the client; call once when done.
    func shutdown() async {
        try? await client.shutdown()
    }
}
