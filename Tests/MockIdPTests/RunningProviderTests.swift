import Foundation
import Testing
import TestPKI
@testable import MockIdP

@Suite struct RunningProviderTests {
    /// Fetches a token with Python's own TLS stack, trusting whatever `SSL_CERT_FILE` names.
    static let fetchToken = """
        import json, os, sys, urllib.parse, urllib.request
        e = json.load(sys.stdin)
        body = urllib.parse.urlencode({'grant_type': 'client_credentials', 'client_id': e['DECK_CLIENT_ID'],
            'client_secret': e['DECK_CLIENT_SECRET'], 'audience': e['AUDIENCE']}).encode()
        try:
            reply = urllib.request.urlopen('https://%s/oauth/token' % e['DECK_DOMAIN'], data=body, timeout=5)
            print(json.load(reply)['token_type'])
        except Exception as error:
            print(error); sys.exit(1)
        """

    private func withProvider(ca: TestCA? = nil, _ body: (RunningProvider, String) async throws -> Void) async throws {
        let directory = NSTemporaryDirectory() + "idp-provider-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let declaration = try #require(try ProviderDeclarationTests.shipped().first { $0.name == "auth0" })
        let provider = try await RunningProvider.start(declaration: declaration, caDirectory: directory, ca: ca)
        do { try await body(provider, directory) } catch { await provider.stop(); throw error }
        await provider.stop()
    }

    private func exportsJSON(_ provider: RunningProvider) throws -> String {
        var values = Dictionary(uniqueKeysWithValues: provider.exports.map { ($0.name, $0.value) })
        values["AUDIENCE"] = provider.audiences.first
        return String(decoding: try JSONSerialization.data(withJSONObject: values), as: UTF8.self)
    }

    @Test func auth0ExportsDomainClientAndAMaskedSecret() async throws {
        try await withProvider { provider, directory in
            #expect(provider.name == "auth0")
            #expect(provider.exports.map(\.name) == ["DECK_DOMAIN", "DECK_CLIENT_ID", "DECK_CLIENT_SECRET"])
            #expect(provider.exports[0] == ProviderExport(name: "DECK_DOMAIN", value: "localhost:\(provider.identityProvider!.port)", secret: false))
            #expect(provider.exports[1].value.count == 32)
            #expect(provider.exports[1].secret == false)
            #expect(provider.exports[2].value.count == 64)
            #expect(provider.exports[2].secret == true)
            #expect(provider.bundle.caBundle == directory + "/ca-bundle.pem")
            let declared = try #require(try ProviderDeclarationTests.shipped().first { $0.name == "auth0" })
            #expect(provider.audiences.count == declared.audiences.count)
            #expect(provider.audiences.allSatisfy { !$0.contains("{{") })
        }
    }

    @Test func exportedValuesGetATokenWithOnlyTheBundleTrusted() async throws {
        try await withProvider { provider, _ in
            let input = try exportsJSON(provider)
            let trusted = try await Python.run(Self.fetchToken, input: input, environment: ["SSL_CERT_FILE": provider.bundle.caBundle])
            #expect(trusted.status == 0, "\(trusted.output)")
            #expect(trusted.output == "Bearer\n")
            let untrusted = try await Python.run(Self.fetchToken, input: input, environment: ["SSL_CERT_FILE": TestCA.systemBundlePath ?? "/dev/null"])
            #expect(untrusted.status != 0)
            #expect(untrusted.output.contains("CERTIFICATE_VERIFY_FAILED"))
        }
    }

    @Test func eachRunHasItsOwnSecretAndSharesAGivenCA() async throws {
        let ca = try TestCA.generate()
        var secrets: [String] = []
        for _ in 0..<2 {
            try await withProvider(ca: ca) { provider, _ in
                secrets.append(provider.exports[2].value)
                let written = try String(contentsOfFile: provider.bundle.caCertificate, encoding: .utf8)
                #expect(written == (try ca.certificatePEM) + "\n")
            }
        }
        #expect(secrets.count == 2)
        #expect(secrets[0] != secrets[1])
    }
}
