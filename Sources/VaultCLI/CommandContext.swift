import GoValues
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

    /// Flags the CLI reads from anywhere on the command line (`setupEnv`), so they are never "stranded".
    static let globalFlags: Set<String> = ["format", "detailed", "output-curl-string", "output-policy"]

    /// `setupEnv`: a `-format` given anywhere before `--` wins over `$VAULT_FORMAT`.
    func scanGlobalFormat(_ arguments: [String]) {
        var takeNext = false
        for arg in arguments {
            if takeNext { format = arg; takeNext = false; continue }
            if arg == "--" { break }
            let name = arg.drop { $0 == "-" }
            guard arg.hasPrefix("-"), name.hasPrefix("format") else { continue }
            if name == "format" {
                takeNext = true
            } else if name.hasPrefix("format=") {
                format = String(name.dropFirst("format=".count))
            }
        }
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
            let stranded = flags.strandedFlags.filter { arg in
                !Self.globalFlags.contains(String(arg.drop { $0 == "-" }.prefix { $0 != "=" }))
            }
            if !stranded.isEmpty, format.lowercased() == "table" {
                console.error("Command flags must be provided before positional arguments. The following arguments will not be parsed as flags: [\(stranded.joined(separator: ","))]")
            }
            guard ["table", "json", "yaml", "yml"].contains(format.lowercased()) else {
                console.error("Invalid output format: \(format)")
                return nil
            }
            format = format.lowercased() == "yml" ? "yaml" : format.lowercased()
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
            // As the Go client: the environment's files are checked first, then with the flags in their place.
            let fromEnvironment = TLSFiles(environment: environment.variables)
            if let problem = fromEnvironment.problem() {
                console.error("failed to read environment: \(problem)")
                return nil
            }
            let files = fromEnvironment.overridden(by: flags)
            if let problem = files.problem() {
                console.error("failed to setup TLS config: \(problem)")
                return nil
            }
            let skip = flags.isSet("tls-skip-verify") ? flags.bool("tls-skip-verify") : environment.skipVerify
            let target = flags.string("address") ?? environment.address
            let settings = HTTPTransport.TLSSettings(files: files, systemBundle: environment.systemBundle,
                                                     skipVerify: skip, plainHTTP: target.lowercased().hasPrefix("http://"))
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
