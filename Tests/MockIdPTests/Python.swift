import Foundation

/// Runs `python3` with a script and stdin: the independent verifier of tokens and TLS trust.
enum Python {
    struct Result { var status: Int32; var output: String }

    /// Runs on a thread of its own: a child blocking the few cooperative threads would starve the server under test.
    static func run(_ script: String, input: String = "", environment: [String: String] = [:]) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Swift.Result { try runBlocking(script, input: input, environment: environment) })
            }.start()
        }
    }

    private static func runBlocking(_ script: String, input: String, environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// Verifies an RS256 JWT from raw JWK `n`/`e` with `cryptography` and prints header and payload as JSON.
    static let verifyRS256 = """
        import sys, json, base64
        from cryptography.hazmat.primitives.asymmetric import rsa, padding
        from cryptography.hazmat.primitives import hashes
        def b64(s): return base64.urlsafe_b64decode(s + '=' * (-len(s) % 4))
        data = json.load(sys.stdin)
        h, p, s = data['token'].split('.')
        header, payload = json.loads(b64(h)), json.loads(b64(p))
        key = next(k for k in data['jwks']['keys'] if k['kid'] == header['kid'])
        assert key['kty'] == 'RSA' and key['alg'] == 'RS256' and key['use'] == 'sig', key
        public = rsa.RSAPublicNumbers(int.from_bytes(b64(key['e']), 'big'), int.from_bytes(b64(key['n']), 'big')).public_key()
        public.verify(b64(s), (h + '.' + p).encode(), padding.PKCS1v15(), hashes.SHA256())
        assert public.key_size == 2048, public.key_size
        print(json.dumps({'header': header, 'payload': payload, 'iat_int': type(payload['iat']) is int, 'exp_int': type(payload['exp']) is int}))
        """
}
