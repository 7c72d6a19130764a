import Diagnostics
import Foundation
import TestPKI
import UnixSignals

/// `howto mock idp`: runs the identity provider alone, with a CA generated for the session.
public enum MockIdPCommand {
    static let usage = """
        USAGE: howto mock idp [--listen HOST:PORT] [--host NAME] [--client-id ID] [--client-secret SECRET]
                              [--audience AUD ...] [--scope SCOPE ...] [--token-lifetime SECONDS]
                              [--state-dir DIR] [--print-secret]

        Serves an Auth0-like OAuth2 client-credentials provider over TLS until SIGINT or SIGTERM.
          --listen HOST:PORT      address to bind (default 127.0.0.1:0, any free port)
          --host NAME             host name in the domain (default localhost)
          --client-id ID          client id (default: random)
          --client-secret SECRET  client secret (default: random; printed only with --print-secret)
          --audience AUD          an API the client may request; {{ domain }} is replaced
                                  (default https://{{ domain }}/api/v2/)
          --scope SCOPE           a permission granted to the client
          --token-lifetime SECS   access-token lifetime (default 86400)
          --state-dir DIR         where ca.pem, ca-bundle.pem and the server key go
                                  (default: a temporary directory, deleted on exit)
          --print-secret          print the client secret
        """

    /// Runs the command and returns its exit status: 0 after a signal, 1 if the server cannot start, 2 on bad options.
    public static func run(arguments: [String]) async -> Int32 {
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        return await run(arguments: arguments, print: { StandardStream.output.write(($0 + "\n")) }, until: { for await _ in signals { return } })
    }

    /// The command with its output and its stop condition injected (for tests).
    static func run(arguments: [String], print: @Sendable (String) -> Void,
                    until stop: @Sendable () async -> Void) async -> Int32 {
        let options: Options
        do {
            options = try Options(arguments: arguments)
        } catch {
            StandardStream.error.write("error: \(error)\n\n\(usage)\n")
            return 2
        }
        if options.help { print(usage); return 0 }
        defer { if options.temporaryStateDirectory { try? FileManager.default.removeItem(atPath: options.stateDirectory) } }
        do {
            let ca = try TestCA.generate()
            let server = try ca.issueServerCertificate(hosts: TestCA.serverHosts(including: options.publicHost))
            let bundle = try ca.writeBundle(to: options.stateDirectory, server: server)
            let client = IdentityProvider.Client(id: options.clientID, secret: options.clientSecret,
                                                 audiences: options.audiences, scopes: options.scopes)
            let configuration = IdentityProvider.Configuration(
                host: options.host, port: options.port, publicHost: options.publicHost,
                clients: [client], tokenLifetime: options.tokenLifetime)
            let idp = try await IdentityProvider.start(configuration, tls: (try server.certificatePEM, try server.privateKeyPEM))
            let audiences = options.audiences.map { Template.audience($0, domain: idp.domain) }
            print("""
                mock IdP listening on \(idp.issuer)
                  domain:          \(idp.domain)
                  token endpoint:  \(idp.tokenEndpoint)
                  JWKS:            \(idp.jwksURL)
                  client id:       \(client.id)
                  client secret:   \(options.printSecret ? client.secret : "(hidden; pass --print-secret to show it)")
                  audiences:       \(audiences.joined(separator: " "))
                  CA certificate:  \(bundle.caCertificate)
                  CA bundle:       \(bundle.caBundle)   (export SSL_CERT_FILE=\(bundle.caBundle))
                Stop with Ctrl-C.
                """)
            await stop()
            await idp.stop()
            return 0
        } catch {
            StandardStream.error.write("error: \(error)\n")
            return 1
        }
    }
}
