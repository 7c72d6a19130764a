import Foundation
import SwiftASN1
import X509
import GoValues

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
            for (key, path) in [("allowed_common_names", \CertBackend.Role.allowedCommonNames), ("allowed_names", \.allowedNames),
                                ("allowed_dns_sans", \.allowedDNSSANs), ("allowed_email_sans", \.allowedEmailSANs),
                                ("allowed_uri_sans", \.allowedURISANs), ("allowed_organizational_units", \.allowedOrganizationalUnits),
                                ("required_extensions", \.requiredExtensions)] {
                if let v = fields.list(key) { role[keyPath: path] = v }
            }
            if let v = fields.list("token_policies") ?? fields.list("policies") { role.tokenPolicies = v }
            if let v = fields.string("token_type") { role.tokenType = v }
            if let v = fields.bool("token_no_default_policy") { role.tokenNoDefaultPolicy = v }
            if let v = fields.list("token_bound_cidrs") { role.tokenBoundCIDRs = v }
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

    /// Cert login as OpenBao's `verifyCredentials`: the presented chain is verified against the roles' CA
    /// certificates (dates, issuers, client-auth usage), a pinned non-CA certificate matches itself, and the
    /// role whose certificate is in the chain must accept the leaf's names, SANs, OUs and extensions.
    func certLogin(_ request: VaultRequest, mount: Mount, fields: RequestFields, requestID: String) -> VaultResponse {
        let m = mount.path
        guard let leaf = request.clientCertificates.first else { return .error(400, "no client certificate found") }
        let roles = cert[m]?.certs ?? [:]
        let candidates: [(String, CertBackend.Role)]
        if let name = fields.string("name"), !name.isEmpty {
            candidates = roles[name.lowercased()].map { [(name.lowercased(), $0)] } ?? []
        } else {
            candidates = roles.sorted { $0.key < $1.key }
        }
        let parsed = candidates.map { ($0.0, $0.1, (try? Self.certificates(fromPEM: $0.1.certificatePEM)) ?? []) }
        let roots = parsed.flatMap { $0.2.filter(ClientChainVerifier.isCA) }
        let chains: [[Certificate]]
        do {
            chains = try ClientChainVerifier.chains(leaf: leaf, intermediates: Array(request.clientCertificates.dropFirst()),
                                                    roots: roots, now: Date())  // x509 checks wall time, not Vault's clock
        } catch {
            return .error(500, "failed to verify client's certificate: " + error.message)
        }
        // A pinned certificate that is not a CA trusts exactly itself.
        let pinned = parsed.first { _, role, certificates in
            certificates.first.map { !ClientChainVerifier.isCA($0) && $0 == leaf } == true && Self.accepts(role, leaf)
        }
        if pinned == nil, chains.isEmpty { return .error(400, "invalid certificate or no client certificate supplied") }
        let matched = pinned ?? parsed.first { _, role, certificates in
            certificates.contains { trusted in chains.contains { $0.contains(trusted) } } && Self.accepts(role, leaf)
        }
        guard let (name, role, _) = matched else {
            return .error(400, "no chain matching all constraints could be found for this login certificate")
        }
        let commonName = Self.names(of: leaf).commonName
        let kind: VaultToken.Kind = role.tokenType == "batch" || role.tokenType == "default-batch" ? .batch : .service
        return issueLoginToken(
            kind: kind, policies: role.tokenPolicies, noDefaultPolicy: role.tokenNoDefaultPolicy,
            boundCIDRs: role.tokenBoundCIDRs, from: request.remoteAddress, ttl: role.tokenTTL,
            displayName: role.displayName, path: "auth/\(m)login",
            meta: [
                "authority_key_id": Self.colonHex(((try? leaf.extensions.authorityKeyIdentifier)??.keyIdentifier).map(Array.init) ?? []),
                "cert_name": name, "common_name": commonName, "serial_number": Self.decimal(Array(leaf.serialNumber.bytes)),
                "subject_key_id": Self.colonHex((try? leaf.extensions.subjectKeyIdentifier?.keyIdentifier).flatMap { $0.map(Array.init) } ?? []),
            ],
            alias: Self.decimal(Array(leaf.serialNumber.bytes)), requestID: requestID)
    }

    /// The names cert auth's constraints look at.
    private static func names(of certificate: Certificate) -> (commonName: String, units: [String], dns: [String], emails: [String], uris: [String]) {
        var commonName = "", units: [String] = []
        for rdn in certificate.subject {
            for attribute in rdn {
                if attribute.type == .RDNAttributeType.commonName, commonName.isEmpty { commonName = String(describing: attribute.value) }
                if attribute.type == .RDNAttributeType.organizationalUnitName { units.append(String(describing: attribute.value)) }
            }
        }
        var dns: [String] = [], emails: [String] = [], uris: [String] = []
        let alternatives: SubjectAlternativeNames? = (try? certificate.extensions.subjectAlternativeNames) ?? nil
        for name in alternatives.map(Array.init) ?? [] {
            switch name {
            case let .dnsName(value): dns.append(value)
            case let .rfc822Name(value): emails.append(value)
            case let .uniformResourceIdentifier(value): uris.append(value)
            default: break
            }
        }
        return (commonName, units, dns, emails, uris)
    }

    /// `matchesConstraints`: each non-empty allow list must match (globs); required extensions are not
    /// read, so a role that requires any refuses every certificate (stricter than Vault, never looser).
    private static func accepts(_ role: CertBackend.Role, _ leaf: Certificate) -> Bool {
        let n = names(of: leaf)
        func any(_ patterns: [String], _ values: [String]) -> Bool {
            patterns.isEmpty || patterns.contains { pattern in values.contains { JWTClaims.glob(pattern, $0) } }
        }
        return any(role.allowedNames, [n.commonName] + n.dns + n.emails) && any(role.allowedCommonNames, [n.commonName])
            && any(role.allowedDNSSANs, n.dns) && any(role.allowedEmailSANs, n.emails) && any(role.allowedURISANs, n.uris)
            && any(role.allowedOrganizationalUnits, n.units) && role.requiredExtensions.isEmpty
    }

    static func certificates(fromPEM pem: String) throws -> [Certificate] {
        try PEMDocument.parseMultiple(pemString: pem).map { try Certificate(pemDocument: $0) }
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
