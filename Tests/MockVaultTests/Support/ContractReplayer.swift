import AsyncHTTPClient
import Foundation
@testable import MockVault
import GoValues

/// Replays one fixture against a fresh mock server, first creating the state its exchanges presuppose.
struct ContractReplayer {
    let fixture: Fixture
    let idp: JWKSServer

    /// Tokens, keys and URLs of the capture, and what stands for them in this run.
    private var substitutions: [(String, String)] = []
    private var server: MockVaultServer!
    private var http: VaultHTTP!
    private var clock: ManualClock!
    private var tlsClient: HTTPClient?

    /// Fixtures that log in with a TLS client certificate.
    private var isCertLogin: Bool {
        fixture.name.hasPrefix("cert-auth-login") || fixture.name.hasPrefix("cert-tutorial-login") || fixture.name == "kong-emulated-cert-login"
    }

    /// Fixture tokens and what the replay must create to stand in for them.
    private static let capturedBatchToken = "b.AAAAAQIhRjxbBhI_HX-F_POmPiTkM1h37uXyCTcjLX3GJP157sH7hVdGbKklqsgCB5vUFIRm3tivDbklfXHsvxbPwC-EouIAHuElP6uVJ7k5QCI4H-80EsU_kLxhZLJFZqmO6TzB4DvrxSM62VHfVXVfO4jE4MuERB6KjN7hfrej5t-ydBzJrYbxtC4Rwu17Q7_3WntBqxba3bAKeglrwcc9ZUvF"
    private static let approleTokens = ["s.nECBOQ4p9FGSdp6EraaKkycJ", "s.eVhEb7wkfoFRmEuP1cietXEI"]
    private static let createdToken = "s.eaFmDCJ4jhcYSpOHukMoZRM3"
    private static let expiredToken = "s.dXkBvRkvGtjo24fsuMcffpZx"
    private static let wrappingTokens = ["s.hAo9WJaanmgF12sYPVgZwzs5", "s.YpHGDssinj1JKlp1g8UHrzIB", "s.iOAw7CkJi8EaLaun6aaNNcUl",
                                         "s.PIV5ipGifTbOmVPPqcp7Ed9v"]
    private static let devUnsealKeys = ["VACeuLaXhm2lE5CjocNsiHxfRVrZ3vDQm9yUA5vWwQ4=", "VACeuLaXhm2lE5CjocNsiHxfRVrZ3vDQm9yUA5vWwQ5=",
                                        "R+6AdITRHWxS+yeMzpVU7bLCGP3nQVmjS33sdWwCLYs="]
    private static let approleRoleID = "9ade5794-2c2d-751d-908f-23f3fd5bc9c0"

    init(fixture: Fixture, idp: JWKSServer) {
        self.fixture = fixture
        self.idp = idp
    }

    /// Mismatch descriptions (empty when every exchange matched).
    mutating func run() async throws -> [String] {
        clock = ManualClock(start: fixture.date)
        let name = fixture.name
        let uninitialised = name.hasPrefix("uninit-") || name == "cli-operator-init" || name.hasPrefix("init-sealed-")
            || name.hasPrefix("unseal-partial-")
        server = try await MockVaultServer.start(MockVaultConfiguration(
            rootTokenID: "root", devMode: !uninitialised, tls: isCertLogin, clock: clock,
            trustedCAFile: name.hasPrefix("sslcertfile-") ? idp.caFile : nil))
        if isCertLogin {
            let identity = name == "cert-auth-login-no-client-cert" ? nil
                : (name == "cert-auth-login-rogue-cert" ? TestClientCertificates.rogue : TestClientCertificates.kong)
            tlsClient = try TestClientCertificates.client(caPEM: server.caPEM ?? "", identity: identity)
            http = VaultHTTP(base: server.address, client: tlsClient!)
        } else {
            http = VaultHTTP(base: server.address)
        }
        defer {
            Task { [server, tlsClient] in
                await server?.stop()
                try? await tlsClient?.shutdown()
            }
        }
        substitutions = [
            ("http://127.0.0.1:8318", idp.httpBase),
            ("https://127.0.0.1:8319", idp.httpsBase),
            ("https://localhost:8319", idp.httpsBase.replacingOccurrences(of: "127.0.0.1", with: "localhost")),
            // The TokenReview stand-in, under its own spelling so that answers map back to the captured address.
            ("http://127.0.0.1:8327", idp.httpBase.replacingOccurrences(of: "127.0.0.1", with: "localhost")),
        ]
        // The capture used one CA for the IdP and the cert-auth clients; here each has its own.
        let certAuth = name.hasPrefix("cert-") || name == "kong-emulated-cert-login"
        if let captured = try Fixture.load("cli-jwt-config-jwks-https-ca-pem").exchanges.first?.body?["jwks_ca_pem"] {
            let ours = certAuth ? TestClientCertificates.caPEM : idp.caPEM
            substitutions.append((String(captured.goJSON().dropFirst().dropLast()),
                                  String(JSONValue.string(ours).goJSON().dropFirst().dropLast())))
        }
        try await prepare()
        var problems: [String] = []
        for (index, exchange) in fixture.exchanges.enumerated() {
            let answer = try await send(exchange)
            problems += check(exchange, answer).map { "#\(index) \(exchange.method) \(exchange.path): \($0)" }
        }
        try await tlsClient?.shutdown()
        tlsClient = nil
        await server.stop()
        return problems
    }

    // MARK: Sending and checking

    private func substitute(_ text: String) -> String {
        substitutions.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    private func unsubstitute(_ text: String) -> String {
        substitutions.reduce(text) { $0.replacingOccurrences(of: $1.1, with: $1.0) }
    }

    private func send(_ exchange: Fixture.Exchange) async throws -> HTTPAnswer {
        var headers: [String: String] = [:]
        for (k, v) in exchange.headers where !["content-length", "accept-encoding", "host", "user-agent"].contains(k.lowercased()) {
            headers[k] = substitute(v)
        }
        var body: String?
        switch exchange.body {
        case let .object(members)? where members.count == 1 && members[0].0 == "_raw_text":
            body = members[0].1.stringValue
        case let value? where !value.isNull:
            body = substitute(resign(value).goJSON())
        default:
            body = exchange.contentLength > 0 ? "null" : nil
        }
        let token = headers.removeValue(forKey: "X-Vault-Token")
        return try await http.send(exchange.method, substitute(exchange.path), token: token, headers: headers, body: body)
    }

    private func check(_ exchange: Fixture.Exchange, _ answer: HTTPAnswer) -> [String] {
        var problems: [String] = []
        if answer.status != exchange.status { problems.append("status \(answer.status), expected \(exchange.status)") }
        for name in ["Content-Type", "Cache-Control"] where exchange.method != "HEAD" && exchange.status != 307 {
            if let expected = exchange.responseHeader(name), answer.header(name) != expected {
                problems.append("header \(name): \(answer.header(name) ?? "none"), expected \(expected)")
            }
        }
        if case let .object(members)? = exchange.responseBody, members.count == 1, members[0].0 == "_raw_text" {
            if answer.text != members[0].1.stringValue { problems.append("body \(answer.text.debugDescription)") }
            return problems
        }
        guard let expected = exchange.responseBody, !expected.isNull, exchange.method != "HEAD" else {
            if !answer.text.isEmpty { problems.append("unexpected body \(answer.text)") }
            return problems
        }
        guard answer.text.hasSuffix("}\n") else { return problems + ["body not JSON + newline: \(answer.text.debugDescription)"] }
        guard let actual = try? JSONValue.parse(unsubstitute(answer.text)) else { return problems + ["body not JSON"] }
        var extra: Set<String> = []
        if exchange.path == "/v1/sys/init" { extra = ["keys", "keys_base64"] }
        if fixture.name.hasPrefix("uninit-") || fixture.name == "cli-operator-init" || fixture.name.hasPrefix("unseal-partial")
            || fixture.name.hasPrefix("init-sealed") {
            extra.insert("storage_type")  // captured on a raft node; the mock is in-memory
        }
        return problems + MaskedComparison.differences(expected: expected, actual: actual, extraMasked: extra)
    }

    /// Re-signs a captured RS256 login JWT with the test key (or a rogue key where the capture expects a signature failure).
    private func resign(_ body: JSONValue) -> JSONValue {
        guard let token = body["jwt"]?.stringValue, body["role"] != nil || fixture.name.contains("jwt") else { return body }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = JWTVerifier.base64URL(parts[0]),
              let header = try? JSONValue.parse(bytes: headerBytes), header["alg"]?.stringValue == "RS256",
              header["kid"]?.stringValue != "k8s-kid",
              let claimBytes = JWTVerifier.base64URL(parts[1]), let claims = try? JSONValue.parse(bytes: claimBytes)
        else { return body }
        let expectsBadSignature = fixture.exchanges.contains {
            $0.responseBody?["errors"]?.arrayValue?.first?.stringValue?.contains("signature") == true
        }
        let key = expectsBadSignature && header["kid"]?.stringValue == TestJWT.kid ? TestJWT.rogueKey : TestJWT.key
        return body.setting("jwt", .string(TestJWT.sign(header: header, claims: claims, with: key)))
    }

    // MARK: Preparing state

    private func root(_ method: String, _ path: String, _ json: JSONValue? = nil, headers: [String: String] = [:]) async throws -> HTTPAnswer {
        let answer: HTTPAnswer
        if let json {
            answer = try await http.send(method, path, token: "root", json: json, headers: headers)
        } else {
            answer = try await http.send(method, path, token: "root", headers: headers)
        }
        guard answer.status < 300 || method == "DELETE" else {
            throw ReplayError(message: "setup \(method) \(path) failed: \(answer.status) \(answer.text)")
        }
        return answer
    }

    private func obj(_ members: [(String, JSONValue)]) -> JSONValue { .object(members) }

    private mutating func prepare() async throws {
        let name = fixture.name
        let requests = fixture.exchanges
        let expectsSealed = requests.contains { ex in
            ex.responseBody?["sealed"] == .bool(true) || ex.responseBody?["errors"] == .strings(["Vault is sealed"])
                || (ex.responseBody?["errors"]?.arrayValue?.first?.stringValue?.hasPrefix("unable to retrieve stored keys") ?? false)
        } || ["sys-unseal-correct-key-api", "cli-operator-unseal", "tls-unseal"].contains(name) || name.hasPrefix("sys-health-sealed")

        guard server.unsealKey != nil else {
            if name.hasPrefix("init-sealed-") || name.hasPrefix("unseal-partial-") { try await initialiseLikeCapture() }
            if name == "unseal-partial-2-of-2" {
                _ = try await http.send("PUT", "/v1/sys/unseal", body: substitute("{\"key\":\"oJN7aodsbag/Bql1OuN7ShX6YOTwvDucZ5yLavSN29j+\"}"))
            }
            return
        }
        let key = server.unsealKey!
        for captured in Self.devUnsealKeys { substitutions.append((captured, key)) }
        try await prepareMounts()
        try await prepareKV()
        try await preparePolicies()
        try await prepareAuth()
        try await prepareTokens()
        let reseal = name.hasSuffix("after-reseal") || name == "kv-read-after-unseal"
        if expectsSealed || reseal { _ = try await root("PUT", "/v1/sys/seal") }
        if reseal { _ = try await http.send("PUT", "/v1/sys/unseal", json: obj([("key", .string(key))])) }
    }

    /// Initialises an uninitialised mock with the capture's 3-share/2-threshold setup and maps the captured keys.
    private mutating func initialiseLikeCapture() async throws {
        let captured = try Fixture.load("cli-operator-init").exchanges[1].responseBody
        let answer = try await http.send("PUT", "/v1/sys/init", json: obj([("secret_shares", .int(3)), ("secret_threshold", .int(2))]))
        guard let ours = answer.json else { throw ReplayError(message: "init failed: \(answer.text)") }
        for field in ["keys_base64", "keys"] {
            for (theirs, mine) in zip(captured?[field]?.arrayValue ?? [], ours[field]?.arrayValue ?? []) {
                substitutions.append((theirs.stringValue!, mine.stringValue!))
            }
        }
        substitutions.append(("s.BJ7comYCDJ6c1PzM8SmiEiV5", ours["root_token"]!.stringValue!))
    }

    private func prepareMounts() async throws {
        var wanted: [(String, String, String)] = []  // (path, type, kv version)
        var wantedAuth: [(String, String)] = []
        for exchange in fixture.exchanges {
            let path = exchange.path.split(separator: "?").first.map(String.init) ?? exchange.path
            let body = exchange.responseBody
            if path == "/v1/sys/mounts", exchange.method == "GET", let data = body?["data"]?.objectValue {
                for (mount, entry) in data where entry["type"]?.stringValue == "kv" {
                    wanted.append((mount, "kv", entry["options"]?["version"]?.stringValue ?? "1"))
                }
            }
            if path == "/v1/sys/auth" || path == "/v1/sys/internal/ui/mounts", exchange.method == "GET" {
                let table = path == "/v1/sys/auth" ? body?["data"] : body?["data"]?["auth"]
                for (mount, entry) in table?.objectValue ?? [] where entry["type"]?.stringValue != "token" {
                    wantedAuth.append((mount, entry["type"]?.stringValue ?? ""))
                }
                for (mount, entry) in body?["data"]?["secret"]?.objectValue ?? [] where entry["type"]?.stringValue == "kv" {
                    wanted.append((mount, "kv", entry["options"]?["version"]?.stringValue ?? "1"))
                }
            }
            if path.hasPrefix("/v1/sys/internal/ui/mounts/"), exchange.status == 200, let data = body?["data"],
               let mount = data["path"]?.stringValue, data["type"]?.stringValue == "kv" {
                wanted.append((mount, "kv", data["options"]?["version"]?.stringValue ?? "1"))
            }
            if exchange.method == "POST", path.hasPrefix("/v1/sys/auth/"),
               body?["errors"]?.arrayValue?.first?.stringValue?.hasPrefix("path is already in use") == true {
                wantedAuth.append((String(path.dropFirst("/v1/sys/auth/".count)) + "/", "jwt"))
            }
            if path.hasPrefix("/v1/kv1/") || path.hasPrefix("/v1/sys/internal/ui/mounts/kv1") { wanted.append(("kv1/", "kv", "1")) }
            if exchange.method == "DELETE", path.hasPrefix("/v1/sys/mounts/") {
                wanted.append((String(path.dropFirst("/v1/sys/mounts/".count)) + "/", "kv", "2"))
            }
            if path.hasPrefix("/v1/auth/") {
                let mount = path.dropFirst("/v1/auth/".count).split(separator: "/").first.map(String.init) ?? ""
                let types = ["jwt": "jwt", "auth0": "jwt", "approle": "approle", "kubernetes": "kubernetes", "cert": "cert"]
                if let type = types[mount] { wantedAuth.append((mount + "/", type)) }
            }
            if let token = exchange.header("X-Vault-Token"), Self.approleTokens.contains(token) || Self.wrappingTokens.contains(token) {
                wantedAuth.append(("approle/", "approle"))
            }
            if exchange.header("X-Vault-Token") == Self.capturedBatchToken { wantedAuth.append(("jwt/", "jwt")) }
            if let bodyToken = exchange.body?["token"]?.stringValue, Self.wrappingTokens.contains(bodyToken) {
                wantedAuth.append(("approle/", "approle"))
            }
        }
        var done = Set<String>()
        for (mount, type, version) in wanted where mount != "secret/" && !done.contains(mount) {
            done.insert(mount)
            _ = try await root("POST", "/v1/sys/mounts/" + mount.dropLast(),
                               obj([("type", .string(type)), ("options", obj([("version", .string(version))]))]))
        }
        for (mount, type) in wantedAuth where !done.contains("auth/" + mount) {
            done.insert("auth/" + mount)
            _ = try await root("POST", "/v1/sys/auth/" + mount.dropLast(), obj([("type", .string(type))]))
        }
    }

    private func writeVersions(_ mountAndPath: String, count: Int, last: JSONValue?) async throws {
        for version in 0..<count {
            let data = version == count - 1 ? (last ?? obj([("v", .int(version + 1))])) : obj([("v", .int(version + 1))])
            _ = try await root("POST", mountAndPath, obj([("data", data)]))
        }
    }

    private func prepareKV() async throws {
        for exchange in fixture.exchanges {
            let parts = exchange.path.split(separator: "?", maxSplits: 1).map(String.init)
            let path = parts[0]
            let query = parts.count > 1 ? parts[1] : ""
            let body = exchange.responseBody
            let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard segments.count >= 3, !["sys", "auth"].contains(segments[2]) else { continue }
            let mount = segments[2]
            if mount == "kv1" {
                let rest = segments.dropFirst(3).joined(separator: "/")
                if exchange.method == "GET", query.contains("list=true"), let keys = body?["data"]?["keys"]?.arrayValue {
                    for key in keys.compactMap(\.stringValue) {
                        _ = try await root("POST", "/v1/kv1/" + rest + key + (key.hasSuffix("/") ? "x" : ""), obj([("v", .int(1))]))
                    }
                } else if exchange.method == "GET", exchange.status == 200, let data = body?["data"] {
                    _ = try await root("POST", "/v1/kv1/" + rest, data)
                }
                continue
            }
            guard segments.count >= 4 else { continue }
            let kind = segments[3]
            let relative = segments.dropFirst(4).joined(separator: "/")
            let dataPath = "/v1/\(mount)/data/\(relative)"
            switch (kind, exchange.method) {
            case ("data", "GET"):
                guard let meta = body?["data"]?["metadata"], let version = meta["version"]?.intValue else { continue }
                try await writeVersions(dataPath, count: version, last: body?["data"]?["data"].flatMap { $0.isNull ? nil : $0 })
                if meta["destroyed"] == .bool(true) {
                    _ = try await root("PUT", "/v1/\(mount)/destroy/\(relative)", obj([("versions", .array([.int(version)]))]))
                } else if meta["deletion_time"]?.stringValue?.isEmpty == false {
                    _ = try await root("PUT", "/v1/\(mount)/delete/\(relative)", obj([("versions", .array([.int(version)]))]))
                }
            case ("data", "PUT"), ("data", "POST"), ("data", "PATCH"):
                if let version = body?["data"]?["version"]?.intValue {
                    try await writeVersions(dataPath, count: version - 1, last: nil)
                } else if let cas = exchange.body?["options"]?["cas"]?.intValue {
                    try await writeVersions(dataPath, count: cas + 1, last: nil)
                }
            case ("metadata", "GET"):
                if let keys = body?["data"]?["keys"]?.arrayValue {
                    let prefix = relative.isEmpty || relative.hasSuffix("/") ? relative : relative + "/"
                    for key in keys.compactMap(\.stringValue) {
                        try await writeVersions("/v1/\(mount)/data/\(prefix)\(key)\(key.hasSuffix("/") ? "x" : "")", count: 1, last: nil)
                    }
                } else if let versions = body?["data"]?["versions"]?.objectValue {
                    try await writeVersions(dataPath, count: versions.count, last: nil)
                    for (number, info) in versions {
                        if info["destroyed"] == .bool(true) {
                            _ = try await root("PUT", "/v1/\(mount)/destroy/\(relative)", obj([("versions", .array([.string(number)]))]))
                        } else if info["deletion_time"]?.stringValue?.isEmpty == false {
                            _ = try await root("PUT", "/v1/\(mount)/delete/\(relative)", obj([("versions", .array([.string(number)]))]))
                        }
                    }
                }
            case ("metadata", "LIST"):
                for key in (body?["data"]?["keys"]?.arrayValue ?? []).compactMap(\.stringValue) {
                    try await writeVersions("/v1/\(mount)/data/\(relative)\(key)\(key.hasSuffix("/") ? "x" : "")", count: 1, last: nil)
                }
            default:
                continue
            }
        }
    }

    private func preparePolicies() async throws {
        let editedDefault = try Fixture.load("cli-policy-write-default-file").exchanges[0].body?["policy"]
        for exchange in fixture.exchanges {
            let path = exchange.path
            if path.hasPrefix("/v1/sys/policies/acl/") || path.hasPrefix("/v1/sys/policy/"), exchange.method == "GET",
               let data = exchange.responseBody?["data"], let name = data["name"]?.stringValue,
               let version = data["version"]?.intValue {
                let text = data["policy"] ?? data["rules"] ?? .null
                let writes = name == "default" ? version - 1 : version
                for _ in 0..<max(0, writes) { _ = try await root("PUT", "/v1/sys/policies/acl/" + name, obj([("policy", text)])) }
            }
            if path.hasPrefix("/v1/sys/polic"), exchange.method == "GET", let keys = exchange.responseBody?["data"]?["keys"]?.arrayValue {
                for key in keys.compactMap(\.stringValue) where !["default", "root"].contains(key) {
                    _ = try await root("PUT", "/v1/sys/policies/acl/" + key, obj([("policy", .string("path \"x\" { capabilities = [\"read\"] }"))]))
                }
            }
        }
        if fixture.exchanges.contains(where: { $0.header("X-Vault-Token") == Self.capturedBatchToken }) || fixture.name.hasPrefix("kong-emulated-approle-read")
            || fixture.name == "approle-token-read-secret" {
            _ = try await root("PUT", "/v1/sys/policies/acl/default", obj([("policy", editedDefault ?? .null)]))
        }
    }

    private mutating func prepareAuth() async throws {
        let exchanges = fixture.exchanges
        let touches: (String) -> Bool = { prefix in
            exchanges.contains { $0.path.hasPrefix(prefix) }
        }
        let usesBatch = exchanges.contains { $0.header("X-Vault-Token") == Self.capturedBatchToken }
        let onlyConfigWrites = exchanges.allSatisfy { $0.method == "PUT" && $0.path == "/v1/auth/jwt/config" }
        if (touches("/v1/auth/jwt/") || usesBatch), !onlyConfigWrites {
            try await configureJWT()
        }
        if touches("/v1/auth/approle/") || exchanges.contains(where: { ex in
            [ex.header("X-Vault-Token"), ex.body?["token"]?.stringValue].contains { Self.approleTokens.contains($0 ?? "") || Self.wrappingTokens.contains($0 ?? "") }
        }) {
            try await configureAppRole()
        }
        if touches("/v1/auth/kubernetes/"), fixture.name != "k8s-login-before-config", fixture.name != "cli-k8s-config-missing-ca",
           fixture.name != "cli-k8s-role", fixture.name != "cli-k8s-config" {
            let config = try Fixture.load("cli-k8s-config").exchanges[0].body ?? .null
            _ = try await http.send("PUT", "/v1/auth/kubernetes/config", token: "root", body: substitute(config.goJSON()))
            let role = try Fixture.load("cli-k8s-role").exchanges[0].body ?? .null
            _ = try await root("PUT", "/v1/auth/kubernetes/role/kong", role)
        }
        if fixture.name == "k8s-login-before-config" || fixture.name == "k8s-login-unknown-role" || fixture.name == "k8s-login-missing-jwt" {
            let role = try Fixture.load("cli-k8s-role").exchanges[0].body ?? .null
            _ = try await root("PUT", "/v1/auth/kubernetes/role/kong", role)
        }
        if isCertLogin || fixture.exchanges.contains(where: { $0.path.hasPrefix("/v1/auth/cert/certs/") && $0.method == "GET" }) {
            let roles = fixture.name == "cert-tutorial-login-no-name" ? [("gw311", "cert-tutorial-certs-gw311")]
                : [("kong", "cert-auth-role-write"), ("onlyother", "cert-auth-role-cn-restricted")]
            for (role, source) in roles {
                let body = try Fixture.load(source).exchanges[0].body?.goJSON() ?? "{}"
                _ = try await http.send("PUT", "/v1/auth/cert/certs/" + role, token: "root", body: substitute(body))
            }
        }
        if usesBatch {
            let login = try Fixture.load("jwt-login-success").exchanges[0].body ?? .null
            let answer = try await http.send("POST", "/v1/auth/jwt/login", json: resign(login))
            guard let token = answer.json?["auth"]?["client_token"]?.stringValue else {
                throw ReplayError(message: "batch login failed: \(answer.text)")
            }
            substitutions.append((Self.capturedBatchToken, token))
        }
    }

    private func configureJWT() async throws {
        let name = fixture.name
        var config: [(String, JSONValue)]
        if name.contains("pubkeys") {
            config = [("jwt_validation_pubkeys", .strings([TestJWT.publicKeyPEM]))]
        } else {
            config = [("jwks_url", .string(idp.httpBase + "/.well-known/jwks.json"))]
        }
        if name == "jwt-login-bound-issuer-ok" || name == "jwt-login-wrong-issuer" {
            config.append(("bound_issuer", .string("https://127.0.0.1:8319/")))
        }
        _ = try await root("PUT", "/v1/auth/jwt/config", obj(config))
        let role = try Fixture.load("cli-jwt-role-demo").exchanges[0].body ?? .null
        _ = try await root("PUT", "/v1/auth/jwt/role/demo", role)
    }

    private mutating func configureAppRole() async throws {
        let role = try Fixture.load("cli-approle-role-write").exchanges[0].body ?? .null
        _ = try await root("PUT", "/v1/auth/approle/role/kong", role.setting("role_id", .string(Self.approleRoleID)))
        for exchange in fixture.exchanges where exchange.path.hasSuffix("/approle/login") && exchange.status == 200 {
            if let secret = exchange.body?["secret_id"]?.stringValue {
                _ = try await root("POST", "/v1/auth/approle/role/kong/custom-secret-id", obj([("secret_id", .string(secret))]))
            }
        }
        let tokens = fixture.exchanges.flatMap { [$0.header("X-Vault-Token"), $0.body?["token"]?.stringValue] }.compactMap { $0 }
        for token in Set(tokens) {
            if Self.approleTokens.contains(token) {
                let secret = try await root("POST", "/v1/auth/approle/role/kong/secret-id").json?["data"]?["secret_id"] ?? .null
                let login = try await http.send("POST", "/v1/auth/approle/login", json: obj([
                    ("role_id", .string(Self.approleRoleID)), ("secret_id", secret),
                ]))
                substitutions.append((token, login.json?["auth"]?["client_token"]?.stringValue ?? "?"))
            }
            if Self.wrappingTokens.contains(token) {
                let wrapped = try await root("POST", "/v1/auth/approle/role/kong/secret-id", headers: ["X-Vault-Wrap-TTL": "300"])
                let wrapping = wrapped.json?["wrap_info"]?["token"]?.stringValue ?? "?"
                substitutions.append((token, wrapping))
                if fixture.name == "sys-wrapping-unwrap-again" {
                    _ = try await http.send("POST", "/v1/sys/wrapping/unwrap", token: wrapping)
                }
            }
        }
    }

    private mutating func prepareTokens() async throws {
        let tokens = Set(fixture.exchanges.flatMap { [$0.header("X-Vault-Token"), $0.body?["token"]?.stringValue] }.compactMap { $0 })
        if tokens.contains(Self.createdToken) {
            let created = try await root("POST", "/v1/auth/token/create", obj([
                ("policies", .strings(["default"])), ("ttl", .string("1h")), ("display_name", .string("kong")),
            ]))
            let token = created.json?["auth"]?["client_token"]?.stringValue ?? "?"
            substitutions.append((Self.createdToken, token))
            if fixture.name == "token-revoked-use" {
                _ = try await http.send("POST", "/v1/auth/token/revoke-self", token: token)
            }
        }
        if tokens.contains(Self.expiredToken) {
            let created = try await root("POST", "/v1/auth/token/create", obj([("policies", .strings(["default"])), ("ttl", .string("2s"))]))
            substitutions.append((Self.expiredToken, created.json?["auth"]?["client_token"]?.stringValue ?? "?"))
            clock.advance(by: 5)
        }
    }
}

struct ReplayError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
