import Foundation

extension TestCA {
    /// Where the system's CA bundle usually lives (Debian/Ubuntu/Alpine, Fedora/RHEL, macOS).
    public static let systemBundleCandidates = [
        "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem",
    ]

    /// The first system CA bundle that exists, if any.
    public static var systemBundlePath: String? {
        systemBundleCandidates.first { FileManager.default.isReadableFile(atPath: $0) }
    }

    /// Writes `ca.pem`, `server.pem`, `server-key.pem` (0600) and `ca-bundle.pem` (system roots + this CA)
    /// into `directory` (created with mode 0700 if missing) and returns their paths.
    public func writeBundle(to directory: String, server: IssuedCertificate,
                            systemBundle: String? = TestCA.systemBundlePath) throws -> PKIBundle {
        try PrivateFile.makeDirectory(directory)
        let caPEM = try certificatePEM + "\n"
        let caPath = directory + "/ca.pem"
        try PrivateFile.write(caPEM, to: caPath, mode: 0o644)
        let (serverPath, keyPath) = try server.write(to: directory, name: "server")
        var bundle = ""
        if let systemBundle {
            guard let system = FileManager.default.contents(atPath: systemBundle) else {
                throw TestPKIError.cannotRead(path: systemBundle)
            }
            bundle = String(decoding: system, as: UTF8.self)
            if !bundle.isEmpty, !bundle.hasSuffix("\n") { bundle += "\n" }
        }
        bundle += "# howto run CA\n" + caPEM
        let bundlePath = directory + "/ca-bundle.pem"
        try PrivateFile.write(bundle, to: bundlePath, mode: 0o644)
        return PKIBundle(directory: directory, caCertificate: caPath, serverCertificate: serverPath,
                         serverKey: keyPath, caBundle: bundlePath)
    }
}
