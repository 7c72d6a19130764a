import GoValues

/// `vault operator init|unseal|seal`.
enum OperatorCommand {
    static func run(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        switch arguments.first {
        case "init": return await initialize(Array(arguments.dropFirst()), context)
        case "unseal": return await unseal(Array(arguments.dropFirst()), context)
        case "seal": return await seal(Array(arguments.dropFirst()), context)
        default:
            context.console.error("Usage: vault operator <init|unseal|seal> [options] [args]")
            return 1
        }
    }

    static func initialize(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: [
            .value("key-shares"), .value("key-threshold"), .value("pgp-keys"), .value("root-token-pgp-key"),
            .value("recovery-shares"), .value("recovery-threshold"), .value("recovery-pgp-keys"),
        ]), context.expect(flags.positional, count: 0) else { return 1 }
        guard let client = context.client(flags) else { return 2 }
        guard let shares = Int(flags.string("key-shares") ?? "5"), let threshold = Int(flags.string("key-threshold") ?? "3") else {
            context.console.error("invalid value for -key-shares or -key-threshold: parse error")
            return 1
        }
        do {
            _ = try await client.json("GET", "sys/seal-status")
        } catch {
            context.console.error("Error checking seal status: \(error)")
            return 2
        }
        let body: JSONValue = .object([
            ("secret_shares", .number(String(shares))), ("secret_threshold", .number(String(threshold))),
            ("pgp_keys", .null), ("recovery_shares", .number("0")), ("recovery_threshold", .number("0")),
            ("recovery_pgp_keys", .null), ("root_token_pgp_key", .string("")),
        ])
        let response: JSONValue
        do {
            response = try await client.json("PUT", "sys/init", body: body)
        } catch {
            context.console.error("Error initializing: \(error)")
            return 2
        }
        let keys = response["keys"]?.arrayValue ?? []
        let keysB64 = response["keys_base64"]?.arrayValue ?? []
        if context.format == "json" {
            let out: JSONValue = .object([
                ("unseal_keys_b64", .array(keysB64)), ("unseal_keys_hex", .array(keys)),
                ("unseal_shares", .number(String(shares))), ("unseal_threshold", .number(String(threshold))),
                ("recovery_keys_b64", response["recovery_keys_base64"] ?? .null),
                ("recovery_keys_hex", response["recovery_keys"] ?? .null),
                ("recovery_keys_shares", .number("0")), ("recovery_keys_threshold", .number("0")),
                ("root_token", response["root_token"] ?? .string("")),
            ])
            context.console.info(out.goIndentedJSON())
            return 0
        }
        for (i, key) in keys.enumerated() {
            let shown = keysB64.count == keys.count ? keysB64[i] : key
            context.console.info("Unseal Key \(i + 1): \(shown.goDescription)")
        }
        context.console.info("")
        context.console.info("Initial Root Token: \(response["root_token"]?.stringValue ?? "")")
        if !keys.isEmpty {
            context.console.info("")
            context.console.info(TextWrap.wrap("Vault initialized with \(shares) key shares and a key threshold of \(threshold). Please securely distribute the key shares printed above. When the Vault is re-sealed, restarted, or stopped, you must supply at least \(threshold) of these keys to unseal it before it can start servicing requests."))
            context.console.info("")
            context.console.info(TextWrap.wrap("Vault does not store the generated root key. Without at least \(threshold) keys to reconstruct the root key, Vault will remain permanently sealed!"))
            context.console.info("")
            context.console.info(TextWrap.wrap("It is possible to generate new unseal keys, provided you have a quorum of existing unseal keys shares. See \"vault operator rekey\" for more information."))
        }
        return 0
    }

    static func unseal(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: [.bool("reset"), .bool("migrate")]) else { return 1 }
        let reset = flags.bool("reset")
        if !reset, !context.expect(flags.positional, count: 1) { return 1 }
        let body: JSONValue = .object([
            ("key", .string(reset ? "" : flags.positional[0])), ("reset", .bool(reset)), ("migrate", .bool(flags.bool("migrate"))),
        ])
        let status: JSONValue
        guard let client = context.client(flags) else { return 2 }
        do {
            status = try await client.json("PUT", "sys/unseal", body: body)
        } catch {
            context.console.error("Error unsealing: \(error)")
            return 2
        }
        return await SealStatusOutput.print(status, client: client, context: context)
    }

    static func seal(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments), context.expect(flags.positional, count: 0) else { return 1 }
        guard let client = context.client(flags) else { return 2 }
        do {
            _ = try await client.checked("PUT", "sys/seal")
        } catch {
            context.console.error("Error sealing: \(error)")
            return 2
        }
        context.console.info("Success! Vault is sealed.")
        return 0
    }
}
