import AsyncHTTPClient
import Foundation
import MockIdP
import NIOCore
import NIOHTTP1
import NIOSSL
@testable import MockVault
import GoValues

/// Runs probes against one Vault server and records the answers that are to be compared.
struct ProbeRunner: Sendable {
    /// One compared answer: the request, what to compare and what came back.
    struct Answer: Sendable {
        let request: String
        let compare: Probe.Comparison
        let status: Int
        let body: JSONValue?
        let text: String
    }

    let http: VaultHTTP
    /// Distinguishes this probe's mounts and names from every other probe's on the shared server.
    let prefix: String
    /// The embedded Kubernetes API both servers' Kubernetes auth talks to, and its CA.
    let kubernetes: (api: KubernetesAPI, caPEM: String)

    /// The answers of every request step of `probe`, in order.
    func run(_ probe: Probe) async throws -> [Answer] {
        var variables = ["p": prefix, "jwt_public_key": TestJWT.publicKeyPEM, "kubernetes_host": kubernetes.api.url,
                         "kubernetes_ca_cert": kubernetes.caPEM]
        var answers: [Answer] = []
        for step in probe.steps {
            switch step {
            case let .sleep(seconds):
                try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            case let .kubernetesAccount(namespace, name, delete):
                let path = "/api/v1/namespaces/\(substitute(namespace, variables))/serviceaccounts"
                let account = substitute(name, variables)
                _ = try await Self.kubernetesRequest(kubernetes.api.url, delete ? "DELETE" : "POST", delete ? path + "/" + account : path,
                                                     body: delete ? nil : #"{"metadata":{"name":"\#(account)"}}"#)
            case let .kubernetesToken(save, namespace, name, audiences):
                variables[save] = try await kubernetes.api.token(namespace: substitute(namespace, variables), name: substitute(name, variables),
                                                                 audiences: audiences.map { substitute($0, variables) }) ?? ""
            case let .jwt(save, claims):
                variables[save] = TestJWT.sign(header: TestJWT.header(), claims: Self.timed(substitute(claims, variables)))
            case let .request(request):
                let path = substitute(request.path, variables)
                let token = substitute(request.token, variables)
                var headers = request.headers.mapValues { substitute($0, variables) }
                if request.body != nil, headers["Content-Type"] == nil { headers["Content-Type"] = "application/json" }
                let answer = try await http.send(request.method, path, token: token.isEmpty ? nil : token, headers: headers,
                                                 body: request.body.map { substitute($0, variables).goJSON() })
                let json = answer.json
                for (name, pointer) in request.save {
                    switch json.flatMap({ Self.value(at: substitute(pointer, variables), in: $0) }) {
                    case let .string(value)?: variables[name] = value
                    case let value?: variables[name] = value.goJSON()
                    case nil: variables[name] = ""
                    }
                }
                var compare = request.compare
                if case let .pointers(pointers) = compare { compare = .pointers(pointers.map { substitute($0, variables) }) }
                answers.append(Answer(request: "\(request.method) \(path)", compare: compare,
                                      status: answer.status, body: json, text: answer.text))
            }
        }
        return answers
    }

    /// Calls the embedded Kubernetes API's management routes (service accounts), trusting any certificate.
    private static func kubernetesRequest(_ base: String, _ method: String, _ path: String, body: String?) async throws -> Int {
        var request = HTTPClientRequest(url: base + path)
        request.method = HTTPMethod(rawValue: method)
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await insecureClient.execute(request, timeout: .seconds(5))
        _ = try await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }

    private static let insecureClient: HTTPClient = {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
    }()

    /// The value at an RFC 6901 pointer (`/data/keys/0`).
    static func value(at pointer: String, in json: JSONValue) -> JSONValue? {
        var current: JSONValue? = json
        for token in pointer.split(separator: "/", omittingEmptySubsequences: true) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let index = Int(key), let array = current?.arrayValue {
                current = array.indices.contains(index) ? array[index] : nil
            } else {
                current = current?[key]
            }
        }
        return current
    }

    private func substitute(_ text: String, _ variables: [String: String]) -> String {
        variables.reduce(text) { $0.replacingOccurrences(of: "${\($1.key)}", with: $1.value) }
    }

    private func substitute(_ json: JSONValue, _ variables: [String: String]) -> JSONValue {
        switch json {
        case let .string(text): return .string(substitute(text, variables))
        case let .array(values): return .array(values.map { substitute($0, variables) })
        case let .object(members): return .object(members.map { ($0.0, substitute($0.1, variables)) })
        default: return json
        }
    }

    /// Claims with `$now+N` / `$now-N` strings turned into epoch seconds.
    private static func timed(_ claims: JSONValue) -> JSONValue {
        guard case let .object(members) = claims else { return claims }
        let now = Int(Date().timeIntervalSince1970)
        return .object(members.map { key, value in
            guard let text = value.stringValue, text.hasPrefix("$now") else { return (key, value) }
            return (key, .int(now + (Int(text.dropFirst(4).replacingOccurrences(of: "+", with: "")) ?? 0)))
        })
    }
}
