import Foundation
import SwiftASN1
import X509

extension VaultCore {
    func certBackend(_ request: VaultRequest, mount: Mount, rest: String, fields: RequestFields, requestID: String) -> VaultResponse {
        let m = mount.path
        if rest == "config" {
            if request.method == "GET" { return .envelope(requestID: requestID, data: .object([("disable_binding", .bool(false))])) }
            return ["PUT", "POST"].contains(request.method) ? .noContent : .unsupportedOperation
        }
        if rest == "certs" || rest == "certs/" {
            guard request.isList else { return .unsupportedOperation }
            let names = (cert[m]?.certs.keys).map(Array.init) ?? []
            guard !names.isEmpty else { return .notFound }
            return .envelope(requestID: requestID, data: .object([("keys", .strings(names.sorted()))]))
        }
        guard rest.hasPrefix("certs/") else { return .unsupportedPath }
        let name = String(rest.dropFirst(6)).lowercased()
        switch request.method {
        case "GET":
            guard let role = cert[m]?.certs[name] else { return .notFound }
            return .envelope(requestID: requestID, data: role.data)
        case "DELETE":
            cert[m]?.certs[name] = nil
            return .noContent
        case "PUT", "POST":
            var role = cert[m]?.certs[name] ?? CertBackend.Role()
            if let v = fields.string("certificate") { role.certificatePEM = v }
            guard !role.certificatePEM.isEmpty else { return .error(400, "must specify a certificate") }
            guard (try? Self.certificates(fromPEM: role.certificatePEM))?.isEmpty == false else {
                return .error(400, "failed to parse certificate")
            }
            role.displayName = fields.string("display_name") ?? (role.displayName.isEmpty ? name : role.displayName)
            if let v = fields.list("allowed_common_names") { role.allowedCommonNames = v }
            if let v = fields.list("token_policies") ?? fields.list("policies") { role.tokenPolicies = v }
            if let v = fields.string("token_type") { role.tokenType = v }
            if let v = fields.bool("token_no_default_policy") { role.tokenNoDefaultPolicy = v }
            for (key, path) in [("token_ttl", \CertBackend.Role.tokenTTL), ("token_max_ttl", \.tokenMaxTTL)] where fields.has(key) {
                guard let seconds = fields.seconds(key) else { return .error(400, "invalid duration for \(key)") }
                role[keyPath: path] = seconds
            }
            cert[m, default: CertBackend()].certs[name] = role
            return .noContent
        default:
            return .unsupportedOperation
        }
    }

    /// Cert login: the TLS client certificate must chain to a role's certificate and meet its constraints.
    func certLogin(_ request: VaultRequest, mount: Mount, fields: RequestFields, requestID: String) -> VaultResponse {
        let m = mount.path
        guard let leaf = request.clientCertificates.first else { return .error(400, "no client certificate found") }
        let invalid = VaultResponse.error(400, "invalid certificate or no client certificate supplied")
        let roles = cert[m]?.certs ?? [:]
        let candidates: [(String, CertBackend.Role)]
        if let name = fields.string("name"), !name.isEmpty {
            guard let role = roles[name.lowercased()] else { return invalid }
            candidates = [(name.lowercased(), role)]
        } else {
            candidates = roles.sorted { $0.key < $1.key }
        }
        let trusted = candidates.filter { _, role in
            ((try? Self.certificates(fromPEM: role.certificatePEM)) ?? []).contains { Self.trusts($0, leaf) }
        }
        guard !trusted.isEmpty else { return invalid }
        let commonName = Self.commonName(of: leaf)
        guard let (name, role) = trusted.first(where: { _, role in
            role.allowedCommonNames.isEmpty || role.allowedCommonNames.contains { Self.glob($0, matches: commonName) }
        }) else { return .error(400, "no chain matching all constraints could be found for this login certificate") }
        let kind: VaultToken.Kind = role.tokenType == "batch" || role.tokenType == "default-batch" ? .batch : .service
        return issueLoginToken(
            kind: kind, policies: role.tokenPolicies, noDefaultPolicy: role.tokenNoDefaultPolicy, ttl: role.tokenTTL,
            displayName: role.displayName, path: "auth/\(m)login",
            meta: [
                "authority_key_id": Self.colonHex(((try? leaf.extensions.authorityKeyIdentifier)??.keyIdentifier).map(Array.init) ?? []),
                "cert_name": name, "common_name": commonName, "serial_number": Self.decimal(Array(leaf.serialNumber.bytes)),
                "subject_key_id": Self.colonHex((try? leaf.extensions.subjectKeyIdentifier?.keyIdentifier).flatMap { $0.map(Array.init) } ?? []),
            ],
            alias: Self.decimal(Array(leaf.serialNumber.bytes)), requestID: requestID)
    }

    static func certificates(fromPEM pem: String) throws -> [Certificate] {
        try PEMDocument.parseMultiple(pemString: pem).map { try Certificate(pemDocument: $0) }
    }

    private static func trusts(_ anchor: Certificate, _ leaf: Certificate) -> Bool {
        if anchor == leaf { return true }
        return anchor.subject == leaf.issuer && anchor.publicKey.isValidSignature(leaf.signature, for: leaf)
    }

    private static func commonName(of certificate: Certificate) -> String {
        for rdn in certificate.subject {
            for attribute in rdn where attribute.type == .RDNAttributeType.commonName {
                return String(describing: attribute.value)
            }
        }
        return ""
    }

    private static func glob(_ pattern: String, matches value: String) -> Bool {
        if pattern == "*" { return true }
        if pattern.hasPrefix("*") { return value.hasSuffix(pattern.dropFirst()) }
        if pattern.hasSuffix("*") { return value.hasPrefix(pattern.dropLast()) }
        return pattern == value
    }

    private static func colonHex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined(separator: ":")
    }

    private static func decimal(_ bytes: [UInt8]) -> String {
        var digits: [UInt8] = [0]
        for byte in bytes {
            var carry = Int(byte)
            for i in 0..<digits.count {
                let value = Int(digits[i]) * 256 + carry
                digits[i] = UInt8(value % 10)
                carry = value / 10
            }
            while carry > 0 { digits.append(UInt8(carry % 10)); carry /= 10 }
        }
        return String(digits.reversed().map { Character(String($0)) }).replacingOccurrences(of: "^0+(?=.)", with: "", options: .regularExpression)
    }
}
