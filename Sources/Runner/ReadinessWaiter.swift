import AsyncHTTPClient
import Foundation
import HowToPlan
import NIOCore
import NIOSSL
#if canImport(Glibc)
import Glibc
import NIOHTTP1
#endif

/// Polls a readiness probe until it passes, the service dies, or the deadline comes.
struct ReadinessWaiter: Sendable {
    let http: HTTPClient

    /// Why a service never became ready.
    enum Failure: Error, Sendable, Equatable {
        case deadline(String)
        case exited(String)
    }

    /// Returns when `probe` passes; throws `Failure` otherwise. `command` runs a `cmd:` probe in the session.
    func wait(
        for probe: ReadinessProbe, service: BackgroundService, deadline: Duration, interval: Duration,
        command: @Sendable (String) async -> Bool
    ) async throws(Failure) {
        let clock = ContinuousClock()
        let end = clock.now + deadline
        var lastError = "no answer yet"
        while true {
            if let exit = service.exit {
                throw .exited("the service exited (\(exit)) before it was ready; its last lines:\n\(service.lastLines())")
            }
            switch await check(probe, service: service, command: command) {
            case .none: return
            case let .some(error): lastError = error
            }
            if clock.now >= end { throw .deadline("not ready after \(deadline): \(probe) — \(lastError)") }
            try? await Task.sleep(for: min(interval, end - clock.now))
        }
    }

    /// nil when the probe passes, else why not.
    private func check(_ probe: ReadinessProbe, service: BackgroundService, command: @Sendable (String) async -> Bool) async -> String? {
        switch probe {
        case let .http(url, status):
            // Until the port accepts connections, ask the socket, not the HTTP client: its connection pool backs
            // off about 100 ms after a refused connect, which would delay every service start by as much.
            if let address = probe.socketAddress, !Self.connects(host: address.host, port: address.port) {
                return "connection to \(address.host):\(address.port) refused"
            }
            do {
                var request = HTTPClientRequest(url: url)
                request.method = .GET
                // No idle keep-alive connection may hold up the server's graceful shutdown later.
                request.headers.add(name: "Connection", value: "close")
                let response = try await http.execute(request, timeout: .milliseconds(500))
                let code = Int(response.status.code)
                if let status { return code == status ? nil : "status \(code), expected \(status)" }
                return (200..<300).contains(code) ? nil : "status \(code)"
            } catch {
                return "\(error)"
            }
        case let .tcp(host, port):
            return Self.connects(host: host, port: port) ? nil : "connection to \(host):\(port) refused"
        case let .log(pattern):
            guard let regex = try? NSRegularExpression(pattern: pattern) else { return "invalid pattern \(pattern)" }
            let log = service.log
            return regex.firstMatch(in: log, range: NSRange(log.startIndex..., in: log)) == nil ? "no log line matches /\(pattern)/" : nil
        case let .command(cmd):
            return await command(cmd) ? nil : "`\(cmd)` did not exit 0"
        }
    }

    /// Whether a TCP connection to host:port succeeds now, on any of the host's addresses (`localhost` may
    /// name ::1 first while the server listens on 127.0.0.1).
    static func connects(host: String, port: Int) -> Bool {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &info) == 0 else { return false }
        defer { freeaddrinfo(info) }
        var next = info
        while let address = next {
            next = address.pointee.ai_next
            let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            if connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 { return true }
        }
        return false
    }

    /// An HTTP client for probes: short timeouts; certificates are not verified (a probe asks "is it up?").
    static func makeClient() -> HTTPClient {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        configuration.timeout = .init(connect: .milliseconds(500), read: .seconds(2))
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }
}
