import Foundation
import Testing
import TestPKI
@testable import MockIdP

/// The embedded Kubernetes API over TLS, driven by Python's own HTTP and TLS stack: TokenReview needs a
/// bearer, follows the account's life, and checks audiences; service accounts and their tokens are served.
@Suite struct KubernetesAPITests {
    static func call(_ method: String, _ url: String, ca: String, bearer: String = "", body: String = "") async throws -> (Int, [String: Any]) {
        let script = """
            import json, ssl, sys, urllib.request, urllib.error
            e = json.load(sys.stdin)
            request = urllib.request.Request(e['url'], data=e['body'].encode() or None, method=e['method'])
            request.add_header('Content-Type', 'application/json')
            if e['bearer']: request.add_header('Authorization', 'Bearer ' + e['bearer'])
            context = ssl.create_default_context(cafile=e['ca'])
            try:
                reply = urllib.request.urlopen(request, context=context, timeout=5); status = reply.status; text = reply.read()
            except urllib.error.HTTPError as error:
                status = error.code; text = error.read()
            print(json.dumps({'status': status, 'body': json.loads(text or b'{}')}))
            """
        let input = String(decoding: try JSONSerialization.data(withJSONObject: [
            "url": url, "ca": ca, "bearer": bearer, "body": body, "method": method,
        ]), as: UTF8.self)
        let result = try await Python.run(script, input: input)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.output)")
        return (parsed["status"] as? Int ?? 0, parsed["body"] as? [String: Any] ?? [:])
    }

    private func withAPI(_ body: (KubernetesAPI, String) async throws -> Void) async throws {
        let ca = try TestCA.generate()
        let server = try ca.issueServerCertificate(hosts: ["127.0.0.1"])
        let caFile = NSTemporaryDirectory() + "k8s-ca-\(UUID().uuidString).pem"
        try ca.certificatePEM.write(toFile: caFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: caFile) }
        let api = try await KubernetesAPI.start(serviceAccounts: [("kong", "kong-sa")], tls: (try server.certificatePEM, try server.privateKeyPEM))
        do { try await body(api, caFile) } catch { await api.stop(); throw error }
        await api.stop()
    }

    static func review(_ token: String, audiences: [String] = []) -> String {
        let spec: [String: Any] = audiences.isEmpty ? ["token": token] : ["token": token, "audiences": audiences]
        return String(decoding: try! JSONSerialization.data(withJSONObject: ["spec": spec, "status": ["user": [:] as [String: Any]]]), as: UTF8.self)
    }

    @Test func tokenReviewAuthenticatesALiveTokenAndNeedsABearer() async throws {
        try await withAPI { api, ca in
            let token = try #require(try await api.token(namespace: "kong", name: "kong-sa"))
            let reviews = api.url + "/apis/authentication.k8s.io/v1/tokenreviews"
            let (unauthorized, status) = try await Self.call("POST", reviews, ca: ca, body: Self.review(token))
            #expect(unauthorized == 401 && status["reason"] as? String == "Unauthorized")
            let (created, review) = try await Self.call("POST", reviews, ca: ca, bearer: token, body: Self.review(token))
            #expect(created == 201)
            let result = try #require(review["status"] as? [String: Any])
            #expect(result["authenticated"] as? Bool == true)
            let user = try #require(result["user"] as? [String: Any])
            #expect(user["username"] as? String == "system:serviceaccount:kong:kong-sa")
            #expect((user["uid"] as? String)?.count == 36)
            #expect(result["audiences"] as? [String] == ["https://kubernetes.default.svc.cluster.local"])
            let (_, wrongAudience) = try await Self.call("POST", reviews, ca: ca, bearer: token, body: Self.review(token, audiences: ["vault"]))
            #expect((wrongAudience["status"] as? [String: Any])?["authenticated"] as? Bool == false)
        }
    }

    @Test func deletingTheAccountInvalidatesItsTokensEvenWhenItIsCreatedAgain() async throws {
        try await withAPI { api, ca in
            let token = try #require(try await api.token(namespace: "kong", name: "kong-sa", audiences: ["vault"]))
            let accounts = api.url + "/api/v1/namespaces/kong/serviceaccounts"
            #expect(try await Self.call("DELETE", accounts + "/kong-sa", ca: ca).0 == 200)
            #expect(try await Self.call("GET", accounts + "/kong-sa", ca: ca).0 == 404)
            #expect(try await Self.call("POST", accounts, ca: ca, body: #"{"metadata":{"name":"kong-sa"}}"#).0 == 201)
            #expect(try await Self.call("POST", accounts, ca: ca, body: #"{"metadata":{"name":"kong-sa"}}"#).0 == 409)
            let fresh = try #require(try await api.token(namespace: "kong", name: "kong-sa"))
            let (_, review) = try await Self.call("POST", api.url + "/apis/authentication.k8s.io/v1/tokenreviews", ca: ca,
                                                  bearer: fresh, body: Self.review(token, audiences: ["vault"]))
            #expect((review["status"] as? [String: Any])?["authenticated"] as? Bool == false, "the old token names the old uid")
            let (status, request) = try await Self.call("POST", accounts + "/kong-sa/token", ca: ca,
                                                        body: #"{"spec":{"audiences":["vault"],"expirationSeconds":900}}"#)
            #expect(status == 201 && ((request["status"] as? [String: Any])?["token"] as? String)?.split(separator: ".").count == 3)
            #expect(try await Self.call("POST", api.url + "/api/v1/namespaces/kong/serviceaccounts/nosuch/token", ca: ca, body: "{}").0 == 404)
        }
    }

    @Test func aKubernetesProviderExportsTheHostTheCAAndAToken() async throws {
        let yaml = """
            cluster:
              kind: kubernetes-api
              service_accounts: [kong/kong-sa]
              audiences: [vault]
              exports:
                K8S_HOST: "{{ kubernetes_host }}"
                K8S_CA_CERT: "{{ ca_certificate }}"
                K8S_JWT: { value: "{{ token }}", secret: true }
            """
        let declaration = try #require(try ProviderDeclaration.load(yaml: yaml, path: "providers.yml").first)
        #expect(declaration.kind == .kubernetesAPI && declaration.serviceAccounts == ["kong/kong-sa"])
        let directory = NSTemporaryDirectory() + "k8s-provider-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let provider = try await RunningProvider.start(declaration: declaration, caDirectory: directory)
        let values = Dictionary(uniqueKeysWithValues: provider.exports.map { ($0.name, $0) })
        let host = try #require(values["K8S_HOST"]?.value)
        let jwt = try #require(values["K8S_JWT"])
        #expect(jwt.secret && host.hasPrefix("https://127.0.0.1:"))
        let (_, review) = try await Self.call("POST", host + "/apis/authentication.k8s.io/v1/tokenreviews", ca: values["K8S_CA_CERT"]!.value,
                                              bearer: jwt.value, body: Self.review(jwt.value, audiences: ["vault"]))
        #expect((review["status"] as? [String: Any])?["authenticated"] as? Bool == true)
        await provider.stop()
        #expect(throws: (any Error).self) {
            try ProviderDeclaration.load(yaml: "cluster:\n  kind: kubernetes-api\n  service_accounts: [nobody]\n  exports: {}\n", path: "p.yml")
        }
    }
}
