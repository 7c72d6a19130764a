import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// Reconnects to a server whose certificate failed verification to say why in OpenSSL's numbered wording,
/// as Kong prints it (`18: self-signed certificate`); BoringSSL's own error only says the verification failed.
enum TLSChainProbe {
    /// OpenSSL's `<code>: <reason>` for the chain `host:port` presents.
    static func verificationFailure(host: String, port: Int) async -> String {
        let chain = await presentedChain(host: host, port: port) ?? []
        guard let leaf = chain.first else { return "21: unable to verify the first certificate" }
        if chain.count == 1 {
            return isSelfIssued(leaf) ? "18: self-signed certificate" : "21: unable to verify the first certificate"
        }
        if let root = chain.last, isSelfIssued(root) { return "19: self-signed certificate in certificate chain" }
        return "20: unable to get local issuer certificate"
    }

    /// Whether the certificate `host:port` presents names `host` by a DNS subject alternative name, as OpenSSL's
    /// host check does (BoringSSL in NIOSSL also accepts an IP SAN equal to the connected address, so a
    /// `127.0.0.1` certificate would pass for `host.docker.internal`). True when it cannot tell.
    static func certificateNames(host: String, port: Int) async -> Bool {
        guard !isAddress(host), let leaf = await presentedChain(host: host, port: port)?.first else { return true }
        let names = Array(leaf._subjectAlternativeNames())
        guard !names.isEmpty else { return true }
        let dnsNames = names.filter { $0.nameType == .dnsName }.map { name in
            name.contents.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self).lowercased() }
        }
        let wanted = host.lowercased()
        return dnsNames.contains { name in
            if name == wanted { return true }
            guard name.hasPrefix("*."), let dot = wanted.firstIndex(of: ".") else { return false }
            return wanted[dot...] == name.dropFirst()
        }
    }

    private static func isAddress(_ host: String) -> Bool {
        host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
    }

    private static func isSelfIssued(_ certificate: NIOSSLCertificate) -> Bool {
        certificate.subjectName == certificate.issuerName
    }

    /// The certificates the server sends, captured by a verification callback that then rejects them.
    private static func presentedChain(host: String, port: Int) async -> [NIOSSLCertificate]? {
        let captured = Mutex<[NIOSSLCertificate]?>(nil)
        guard let context = try? NIOSSLContext(configuration: .makeClientConfiguration()) else { return nil }
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(2))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = try NIOSSLClientHandler(
                        context: context, serverHostname: isAddress(host) ? nil : host,
                        customVerificationCallback: { certificates, promise in
                            captured.withLock { $0 = certificates }
                            promise.succeed(.failed)
                        })
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
        let target = host == "host.docker.internal" ? "127.0.0.1" : host
        guard let channel = try? await bootstrap.connect(host: target, port: port).get() else { return nil }
        channel.eventLoop.scheduleTask(in: .seconds(2)) { channel.close(promise: nil) }
        try? await channel.closeFuture.get()
        return captured.withLock { $0 }
    }
}
