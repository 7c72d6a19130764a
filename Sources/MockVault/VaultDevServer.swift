import Diagnostics
import Foundation

/// `vault server -dev ...`: parses the real CLI's dev flags, prints its banner and serves until SIGTERM/SIGINT.
public enum VaultDevServer {
    /// The options `vault server` understands here.
    public struct Options: Sendable, Equatable {
        /// `-dev-root-token-id` (or `VAULT_DEV_ROOT_TOKEN_ID`); nil generates one.
        public var rootTokenID: String?
        /// `-dev-listen-address` (or `VAULT_DEV_LISTEN_ADDRESS`), `host:port`.
        public var listenAddress = "127.0.0.1:8200"
        /// `-dev-tls`.
        public var tls = false
        /// `-dev-tls-cert-dir`.
        public var tlsCertDirectory: String?
        /// A certificate to serve instead of generated material (`howto mock vault --tls-cert`).
        public var tlsCertificateFile: String?
        /// Its key (`howto mock vault --tls-key`).
        public var tlsKeyFile: String?

        /// Default options.
        public init() {}
    }

    /// Parses `server -dev ...` arguments (the leading `server` is optional).
    public static func parse(_ arguments: [String], environment: [String: String]? = nil)
        throws(MockVaultError) -> Options {
        let environment = environment ?? ProcessInfo.processInfo.environment
        var options = Options()
        options.rootTokenID = environment["VAULT_DEV_ROOT_TOKEN_ID"].flatMap { $0.isEmpty ? nil : $0 }
        if let address = environment["VAULT_DEV_LISTEN_ADDRESS"], !address.isEmpty { options.listenAddress = address }
        var args = arguments[...]
        if args.first == "server" { args = args.dropFirst() }
        var dev = false
        while let argument = args.popFirst() {
            guard argument.hasPrefix("-") else { throw .usage("Too many arguments (expected 0, got 1)") }
            let flag = argument.drop { $0 == "-" }
            let (name, inline) = flag.firstIndex(of: "=").map { (String(flag[..<$0]), Optional(String(flag[flag.index(after: $0)...]))) }
                ?? (String(flag), nil)
            func value() throws(MockVaultError) -> String {
                if let inline { return inline }
                guard let next = args.popFirst() else { throw .usage("flag needs an argument: -\(name)") }
                return next
            }
            switch name {
            case "dev": dev = inline.map { $0 != "false" } ?? true
            case "dev-tls": options.tls = inline.map { $0 != "false" } ?? true; dev = dev || options.tls
            case "dev-root-token-id": options.rootTokenID = try value()
            case "dev-listen-address": options.listenAddress = try value()
            case "dev-tls-cert-dir": options.tlsCertDirectory = try value()
            case "dev-no-store-token", "dev-kv-v1", "dev-ha", "dev-transactional", "dev-three-node", "dev-four-cluster":
                if name == "dev-kv-v1" { throw .usage("-dev-kv-v1 is not supported by the mock Vault server") }
            case "log-level", "dev-plugin-dir", "dev-tls-san":
                _ = try value()
            default:
                throw .usage("flag provided but not defined: -\(name)")
            }
        }
        guard dev else {
            throw .usage("Error loading configuration: the mock Vault server only supports development mode (-dev)")
        }
        return options
    }

    /// Runs `vault server ...` in the foreground; returns the process exit code.
    public static func run(arguments: [String]) async -> Int32 {
        let options: Options
        do { options = try parse(arguments) } catch {
            StandardStream.error.write("\(error.description)\n")
            return 1
        }
        return await run(options: options)
    }

    /// Runs the dev server with parsed options in the foreground; returns the process exit code.
    public static func run(options: Options) async -> Int32 {
        if let problem = startupProblem(options) {
            StandardStream.output.write(problem + "\n")  // on stdout, as OpenBao prints it
            return 1
        }
        let (host, port) = splitHostPort(options.listenAddress)
        var configuration = MockVaultConfiguration(
            host: host, port: port, rootTokenID: options.rootTokenID, tls: options.tls, tlsCertDirectory: options.tlsCertDirectory)
        configuration.tlsCertificateFile = options.tlsCertificateFile
        configuration.tlsKeyFile = options.tlsKeyFile
        ShutdownSignal.install()
        let server: MockVaultServer
        do { server = try await MockVaultServer.start(configuration) } catch {
            StandardStream.error.write("Error initializing listener of type tcp: \(error)\n")
            return 1
        }
        StandardStream.output.write(banner(server: server, listen: "\(host):\(server.port)", tls: options.tls))
        await ShutdownSignal.wait()
        StandardStream.output.write("==> Vault shutdown triggered\n")
        // A graceful stop waits for idle keep-alive connections; the process is ending, so give it a short while only.
        let (finished, finish) = AsyncStream<Void>.makeStream()
        Task {
            await server.stop()
            finish.yield()
        }
        Task {
            try? await Task.sleep(for: .milliseconds(300))
            finish.yield()
        }
        for await _ in finished { break }
        return 0
    }

    /// What stops OpenBao before it listens: a `-dev-tls-cert-dir` that does not exist (it is never created).
    static func startupProblem(_ options: Options) -> String? {
        guard options.tls, let directory = options.tlsCertDirectory, !FileManager.default.fileExists(atPath: directory) else { return nil }
        return "stat \(directory): no such file or directory"
    }

    static func splitHostPort(_ address: String) -> (String, Int) {
        guard let colon = address.lastIndex(of: ":") else { return (address, 8200) }
        var host = String(address[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "127.0.0.1" : host, Int(address[address.index(after: colon)...]) ?? 8200)
    }

    /// The start banner `vault server -dev` prints.
    static func banner(server: MockVaultServer, listen: String, tls: Bool) -> String {
        var text = """
        ==> Vault server configuration:

        Administrative Namespace: 
                     Api Address: \(server.address)
                             Cgo: disabled
                 Cluster Address: https://\(listen)
                      Listener 1: tcp (addr: "\(listen)", max_request_duration: "1m30s", max_request_size: "33554432", tls: "\(tls ? "enabled" : "disabled")")
                       Log Level: info
                         Storage: inmem
                         Version: Vault v1.15.0 (howto mock)

        ==> Vault server started! Log data will stream in below:

        WARNING! dev mode is enabled! In this mode, Vault runs entirely in-memory
        and starts unsealed with a single unseal key. The root token is already
        authenticated to the CLI, so you can immediately begin using Vault.

        You may need to set the following environment variables:

            $ export VAULT_ADDR='\(server.address)'

        """
        if let caFile = server.caFile {
            text += "    $ export VAULT_CACERT='\(caFile)'\n"
        }
        text += "\n"
        text += """
        The unseal key and root token are displayed below in case you want to
        seal/unseal the Vault or re-authenticate.

        Unseal Key: \(server.unsealKey ?? "")
        Root Token: \(server.rootToken)

        Development mode should NOT be used in production installations!


        """
        return text
    }
}
