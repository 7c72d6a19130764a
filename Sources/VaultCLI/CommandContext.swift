import Foundation

/// Everything a subcommand needs: output, environment, stdin and the way to reach Vault.
final class CommandContext {
    let console: Console
    let environment: VaultEnvironment
    let readStdin: @Sendable () -> Data
    private let injectedTransport: (any VaultTransport)?
    private var httpTransports: [HTTPTransport] = []
    /// The output format (`table`, `json`), from `-format` or `$VAULT_FORMAT`.
    private(set) var format = "table"

    init(console: Console, environment: VaultEnvironment, readStdin: @escaping @Sendable () -> Data,
         transport: (any VaultTransport)?) {
        self.console = console
        self.environment = environment
        self.readStdin = readStdin
        self.injectedTransport = transport
        format = environment.format ?? "table"
    }

    /// The flags every API command accepts (connection and output).
    static let httpFlags: [GoFlags.Spec] = [
        .value("address"), .value("agent-address"), .value("ca-cert"), .value("ca-path"),
        .value("client-cert"), .value("client-key"), .value("tls-server-name"), .bool("tls-skip-verify"),
        .value("namespace"), .value("ns"), .value("wrap-ttl"), .bool("policy-override"), .value("header"),
        .value("mfa"), .bool("disable-redirects"), .bool("non-interactive"), .bool("output-curl-string"),
        .bool("output-policy"), .value("unlock-key"), .value("format"),
    ]

    /// Parses `arguments` with the common flags plus `extra`; prints Go's message and returns nil on error.
    func parse(_ arguments: [String], extra: [GoFlags.Spec] = []) -> GoFlags? {
        do {
            let flags = try GoFlags.parse(arguments, specs: Self.httpFlags + extra)
            if let f = flags.string("format") { format = f }
            let stranded = flags.strandedFlags
            if !stranded.isEmpty {
                console.error("Command flags must be provided before positional arguments. The following arguments will not be parsed as flags: [\(stranded.joined(separator: ","))]")
            }
            guard ["table", "json"].contains(format.lowercased()) else {
                console.error("Invalid output format: \(format)")
                return nil
            }
            format = format.lowercased()
            return flags
        } catch {
            console.error(error.description)
            return nil
        }
    }

    /// Checks the positional argument count; prints the CLI's message when wrong.
    func expect(_ args: [String], count: Int) -> Bool {
        if args.count < count {
            console.error("Not enough arguments (expected \(count), got \(args.count))")
            return false
        }
        if args.count > count {
            console.error("Too many arguments (expected \(count), got \(args.count))")
            return false
        }
        return true
    }

    /// A client configured from the flags and environment, or nil after printing why not.
    func client(_ flags: GoFlags, token overrideToken: String? = nil) -> VaultClient? {
        let transport: any VaultTransport
        if let injectedTransport {
            transport = injectedTransport
        } else {
            let skip = flags.isSet("tls-skip-verify") ? flags.bool("tls-skip-verify") : environment.skipVerify
            let settings = HTTPTransport.TLSSettings(caCertPath: flags.string("ca-cert") ?? environment.caCertPath,
                                                     skipVerify: skip, serverName: flags.string("tls-server-name"))
            do {
                let http = try HTTPTransport(tls: settings)
                httpTransports.append(http)
                transport = http
            } catch {
                console.error("Error initializing client: \(error)")
                return nil
            }
        }
        var address = flags.string("address") ?? environment.address
        while address.hasSuffix("/") { address.removeLast() }
        let wrap = (flags.string("wrap-ttl") ?? environment.wrapTTL).map { GoDuration.seconds($0).map { GoDuration.goString(seconds: $0) } ?? $0 }
        return VaultClient(address: address, token: overrideToken ?? environment.token,
                           namespace: flags.string("namespace") ?? flags.string("ns") ?? environment.namespace,
                           wrapTTL: wrap, transport: transport)
    }

    /// Stops any HTTP client this context created.
    func shutdown() async {
        for transport in httpTransports { await transport.shutdown() }
        httpTransports.removeAll()
    }
}
