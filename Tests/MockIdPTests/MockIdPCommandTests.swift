import Foundation
import Testing
@testable import MockIdP

@Suite struct MockIdPCommandTests {
    /// Collects what the command prints and what the test observed while it was serving.
    actor Transcript {
        var text = ""
        var tokenFetch: Python.Result?
        func append(_ line: String) { text += line + "\n" }
        func record(_ result: Python.Result?) { tokenFetch = result }
    }

    fileprivate func serve(_ arguments: [String]) async throws -> (status: Int32, transcript: Transcript) {
        let transcript = Transcript()
        let status = await MockIdPCommand.run(arguments: arguments, print: { line in
            Task { await transcript.append(line) }
        }, until: {
            try? await Task.sleep(for: .milliseconds(100))
            let text = await transcript.text
            let domain = text.firstMatch(of: /domain:\s+(\S+)/).map { String($0.output.1) } ?? "?"
            let bundle = text.firstMatch(of: /CA bundle:\s+(\S+)/).map { String($0.output.1) } ?? "?"
            let input = #"{"DECK_DOMAIN": "\#(domain)", "DECK_CLIENT_ID": "cli-client", "DECK_CLIENT_SECRET": "cli-secret-value", "AUDIENCE": "https://\#(domain)/api/v2/"}"#
            await transcript.record(try? await Python.run(RunningProviderTests.fetchToken, input: input, environment: ["SSL_CERT_FILE": bundle]))
        })
        return (status, transcript)
    }

    @Test func servesUntilStoppedAndHidesTheSecret() async throws {
        let directory = NSTemporaryDirectory() + "idp-cli-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (status, transcript) = try await serve(["--client-id", "cli-client", "--client-secret", "cli-secret-value", "--state-dir", directory])
        #expect(status == 0)
        let text = await transcript.text
        #expect(text.contains("client id:       cli-client"))
        #expect(!text.contains("cli-secret-value"))
        #expect(text.contains("\(directory)/ca.pem"))
        #expect(text.contains("SSL_CERT_FILE=\(directory)/ca-bundle.pem"))
        #expect(text.contains(#/domain:\s+localhost:\d+/#))
        let fetch = try #require(await transcript.tokenFetch)
        #expect(fetch.status == 0, "\(fetch.output)")
        #expect(FileManager.default.fileExists(atPath: directory + "/server-key.pem"))
    }

    @Test func printSecretShowsIt() async throws {
        let directory = NSTemporaryDirectory() + "idp-cli-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (status, transcript) = try await serve(["--client-id", "cli-client", "--client-secret", "cli-secret-value",
                                                    "--state-dir", directory, "--print-secret", "--listen", "127.0.0.1:0"])
        #expect(status == 0)
        #expect(await transcript.text.contains("client secret:   cli-secret-value"))
    }

    @Test func badOptionsExitWithTwo() async {
        for arguments in [["--listen", "nowhere"], ["--bogus"], ["--client-id"], ["--token-lifetime", "-1"], ["--audience", "{{ nope }}"]] {
            let status = await MockIdPCommand.run(arguments: arguments, print: { _ in }, until: {})
            #expect(status == 2, "\(arguments)")
        }
        #expect(await MockIdPCommand.run(arguments: ["--help"], print: { _ in }, until: {}) == 0)
    }
}

extension MockIdPCommandTests {
    @Test func theDefaultStateDirectoryIsDeletedOnExit() async throws {
        let (status, transcript) = try await serve(["--client-id", "cli-client", "--client-secret", "cli-secret-value"])
        #expect(status == 0)
        let text = await transcript.text
        let directory = try #require(text.firstMatch(of: /CA certificate:\s+(\S+)\/ca\.pem/).map { String($0.output.1) })
        #expect(directory.contains("howto-mock-idp-"))
        #expect(!FileManager.default.fileExists(atPath: directory))
        #expect(try #require(await transcript.tokenFetch).status == 0)
    }
}
