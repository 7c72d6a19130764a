import Foundation
import GoValues

/// `vault login [TOKEN]`: checks the token with `lookup-self` and stores it in
/// `$HOME/.vault-token`, as the CLI's default token helper does.
enum LoginCommand {
    static func run(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: [
            .value("method"), .value("path"), .bool("no-store"), .bool("no-print"), .bool("token-only"), .value("field"),
        ]) else { return 1 }
        let method = VaultPaths.sanitize(flags.string("method") ?? "token")
        if ["userpass", "ldap", "cert"].contains(method) { return await methodLogin(method: method, flags, context) }
        guard method == "token" || method.isEmpty else {
            context.console.error(TextWrap.wrap("Unknown auth method: \(method). Use \"vault auth list\" to see the complete list of auth methods. Additionally, some auth methods are only available via the HTTP API."))
            return 1
        }
        guard flags.positional.count <= 1 else {
            context.console.error("Too many arguments (expected 0-1, got \(flags.positional.count))")
            return 1
        }
        var token = flags.positional.first ?? "-"
        if token == "-" {
            token = String(decoding: context.readStdin(), as: UTF8.self)
        } else if token.hasPrefix("token=") {
            token = String(token.dropFirst("token=".count))
        }
        token = token.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else {
            context.console.error("Error authenticating: a token must be passed to auth, please view the help for more information")
            return 2
        }
        guard let client = context.client(flags, token: token) else { return 2 }
        let lookup: Secret?
        do {
            lookup = try await client.read("auth/token/lookup-self")
        } catch {
            context.console.error("Error authenticating: error looking up token: \(error)")
            return 2
        }
        let data = lookup?.data ?? .object([])
        let policies = data["policies"] ?? .null
        let secret = Secret(data: nil, auth: .object([
            ("client_token", data["id"] ?? .string(token)),
            ("accessor", data["accessor"] ?? .string("")),
            ("policies", policies),
            ("token_policies", policies),
            ("identity_policies", data["identity_policies"] ?? .null),
            ("metadata", data["meta"] ?? .null),
            ("lease_duration", data["ttl"] ?? .number("0")),
            ("renewable", data["renewable"] ?? .bool(false)),
        ]))
        return finish(secret, token: token, flags, context)
    }

    /// Stores the token (unless `-no-store`) and prints the login as the CLI does.
    private static func finish(_ secret: Secret, token: String, _ flags: GoFlags, _ context: CommandContext) -> Int32 {
        if !flags.bool("no-store") {
            guard let path = context.environment.tokenFilePath else {
                context.console.error("Error storing token: $HOME is not set")
                return 2
            }
            do {
                try Data(token.utf8).write(to: URL(fileURLWithPath: path))
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            } catch {
                context.console.error("Error storing token: \(error.localizedDescription)")
                return 2
            }
        }
        if flags.bool("no-store") {
            if !flags.bool("token-only") {
                context.console.error(TextWrap.wrap("The token was not stored in token helper. Set the VAULT_TOKEN environment variable or pass the token below with each request to Vault.") + "\n")
            }
        } else if !flags.bool("token-only"), context.environment.variables["VAULT_TOKEN"].map({ !$0.isEmpty }) == true {
            context.console.error(TextWrap.wrap("WARNING! The VAULT_TOKEN environment variable is set! The value of this variable will take precedence; if this is unwanted please unset VAULT_TOKEN or update its value accordingly.") + "\n")
        }
        if flags.bool("token-only") {
            context.console.raw(token)
            return 0
        }
        if flags.bool("no-print") { return 0 }
        if let field = flags.string("field") { return context.printRawField(context.rawField(secret, field), field) }
        if context.format == "table" {
            // The CLI prints this even with -no-store (its warning on stderr says otherwise).
            context.console.info(TextWrap.wrap("Success! You are now authenticated. The token information displayed below is already stored in the token helper. You do NOT need to run \"vault login\" again. Future Vault requests will automatically use this token.") + "\n")
        }
        return context.outputSecret(secret)
    }

    /// `login -method=userpass username=NAME password=PW` (and ldap): `auth/MOUNT/login/NAME`, no token sent;
    /// `login -method=cert [name=ROLE]`: `auth/MOUNT/login` over TLS with the `-client-cert` pair.
    private static func methodLogin(method: String, _ flags: GoFlags, _ context: CommandContext) async -> Int32 {
        var config: [String: String] = [:]
        for argument in flags.positional {
            guard let eq = argument.firstIndex(of: "=") else {
                context.console.error("Error parsing configuration: invalid key/value pair \"\(argument)\": format must be key=value")
                return 1
            }
            config[String(argument[..<eq])] = String(argument[argument.index(after: eq)...])
        }
        var mount = config["mount"] ?? flags.string("path") ?? method
        while mount.hasSuffix("/") { mount.removeLast() }
        let path: String
        var body: [(String, JSONValue)] = []
        if method == "cert" {
            path = "auth/\(mount)/login"
            if let name = config["name"] { body.append(("name", .string(name))) }
        } else {
            guard let username = config["username"], !username.isEmpty else {
                context.console.error("Error authenticating: 'username' must be specified")
                return 2
            }
            guard let password = config["password"], !password.isEmpty else {
                context.console.error("Error authenticating: 'password' must be specified and refusing to pull from stdin")
                return 2
            }
            path = "auth/\(mount)/login/\(username)"
            body.append(("password", .string(password)))
        }
        guard let client = context.client(flags, token: "") else { return 2 }
        let secret: Secret?
        do {
            secret = try await client.write(path, body: .object(body))
        } catch {
            context.console.error("Error authenticating: \(error)")
            return 2
        }
        guard let secret, let token = secret.auth?["client_token"]?.stringValue else {
            context.console.error("Error authenticating: empty response from credential provider")
            return 2
        }
        return finish(secret, token: token, flags, context)
    }
}
