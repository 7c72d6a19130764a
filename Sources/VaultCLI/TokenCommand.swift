import GoValues

/// `vault token create|lookup|renew|revoke|capabilities`.
enum TokenCommand {
    static func run(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        let rest = Array(arguments.dropFirst())
        switch arguments.first {
        case "create": return await create(rest, context)
        case "lookup": return await lookup(rest, context)
        case "revoke": return await revoke(rest, context)
        case "renew": return await renew(rest, context)
        case "capabilities": return await capabilities(rest, context)
        default:
            context.console.error("Usage: vault token <create|lookup|renew|revoke|capabilities> [options] [args]")
            return 1
        }
    }

    static func create(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: [
            .value("field"), .value("id"), .value("display-name"), .value("ttl"), .value("explicit-max-ttl"),
            .value("period"), .bool("renewable"), .bool("orphan"), .bool("no-default-policy"), .value("use-limit"),
            .value("role"), .value("type"), .value("policy"), .value("metadata"), .value("entity-alias"),
        ]), context.expect(flags.positional, count: 0) else { return 1 }
        guard let client = context.client(flags) else { return 2 }
        let type = flags.string("type") ?? "service"
        let renewable = type == "batch" ? false : (flags.isSet("renewable") ? flags.bool("renewable") : true)
        let policies = flags.all("policy").flatMap { $0.split(separator: ",").map { JSONValue.string(String($0)) } }
        let metadata = KeyValueArguments.pairs(flags.all("metadata"))
        var body: [(String, JSONValue)] = []
        if let id = flags.string("id") { body.append(("id", .string(id))) }
        if !policies.isEmpty { body.append(("policies", .array(policies))) }
        if !metadata.isEmpty { body.append(("meta", JSONValue.object(metadata).sortedKeys())) }
        body.append(("ttl", .string(flags.durationText("ttl"))))
        body.append(("explicit_max_ttl", .string(flags.durationText("explicit-max-ttl"))))
        body.append(("period", .string(flags.durationText("period"))))
        if flags.bool("orphan") { body.append(("no_parent", .bool(true))) }
        if flags.bool("no-default-policy") { body.append(("no_default_policy", .bool(true))) }
        body.append(("display_name", .string(flags.string("display-name") ?? "")))
        body.append(("num_uses", .number(flags.string("use-limit") ?? "0")))
        body.append(("renewable", .bool(renewable)))
        body.append(("type", .string(type)))
        body.append(("entity_alias", .string(flags.string("entity-alias") ?? "")))
        let path = flags.string("role").map { "auth/token/create/\($0)" } ?? "auth/token/create"
        let secret: Secret?
        do {
            secret = try await client.write(path, body: .object(body), method: "POST")
        } catch {
            context.console.error("Error creating token: \(error)")
            return 2
        }
        guard let secret else { return 0 }
        return context.outputSecret(secret, field: flags.string("field"))
    }

    static func lookup(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: [.bool("accessor")]) else { return 1 }
        guard flags.positional.count <= 1 else {
            context.console.error("Too many arguments (expected 0-1, got \(flags.positional.count))")
            return 1
        }
        let secret: Secret?
        guard let client = context.client(flags) else { return 2 }
        do {
            if let token = flags.positional.first {
                let accessor = flags.bool("accessor")
                secret = try await client.write(accessor ? "auth/token/lookup-accessor" : "auth/token/lookup",
                                                body: .object([(accessor ? "accessor" : "token", .string(token))]), method: "POST")
            } else {
                secret = try await client.read("auth/token/lookup-self")
            }
        } catch {
            context.console.error("Error looking up token: \(error)")
            return 2
        }
        return context.outputSecret(secret)
    }

    static func revoke(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: [.bool("self"), .bool("accessor"), .value("mode")]) else { return 1 }
        let revokeSelf = flags.bool("self")
        if revokeSelf, !flags.positional.isEmpty {
            context.console.error("Too many arguments (expected 0, got \(flags.positional.count))")
            return 1
        }
        if !revokeSelf, flags.positional.count != 1 {
            context.console.error(flags.positional.isEmpty ? "Not enough arguments (expected 1 or -self, got 0)"
                                                           : "Too many arguments (expected 1, got \(flags.positional.count))")
            return 1
        }
        guard let client = context.client(flags) else { return 2 }
        do {
            if revokeSelf {
                _ = try await client.checked("PUT", "auth/token/revoke-self")
            } else if flags.bool("accessor") {
                _ = try await client.checked("PUT", "auth/token/revoke-accessor", body: .object([("accessor", .string(flags.positional[0]))]))
            } else {
                _ = try await client.checked("PUT", "auth/token/revoke", body: .object([("token", .string(flags.positional[0]))]))
            }
        } catch {
            context.console.error("Error revoking token: \(error)")
            return 2
        }
        context.console.info("Success! Revoked token (if it existed)")
        return 0
    }

    /// `token renew [TOKEN]`: renews the given token, or the caller's own.
    static func renew(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: [.value("increment"), .value("field")]) else { return 1 }
        guard flags.positional.count <= 1 else {
            context.console.error("Too many arguments (expected 0-1, got \(flags.positional.count))")
            return 1
        }
        var body: [(String, JSONValue)] = []
        if flags.isSet("increment") { body.append(("increment", .string(flags.durationText("increment")))) }
        let secret: Secret?
        guard let client = context.client(flags) else { return 2 }
        do {
            if let token = flags.positional.first {
                secret = try await client.write("auth/token/renew", body: .object([("token", .string(token))] + body), method: "PUT")
            } else {
                secret = try await client.write("auth/token/renew-self", body: .object(body), method: "PUT")
            }
        } catch {
            context.console.error("Error renewing token: \(error)")
            return 2
        }
        guard let secret else { return 0 }
        return context.outputSecret(secret, field: flags.string("field"))
    }

    /// `token capabilities [TOKEN] PATH`: what a token may do on a path (`sys/capabilities(-self)`).
    static func capabilities(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: []) else { return 1 }
        guard !flags.positional.isEmpty else {
            context.console.error("Not enough arguments (expected 1-2, got 0)")
            return 1
        }
        guard flags.positional.count <= 2 else {
            context.console.error("Too many arguments (expected 1-2, got \(flags.positional.count))")
            return 1
        }
        guard let client = context.client(flags) else { return 2 }
        let path = flags.positional.last!
        let secret: Secret?
        do {
            if flags.positional.count == 2 {
                secret = try await client.write("sys/capabilities", body: .object([("paths", .array([.string(path)])), ("token", .string(flags.positional[0]))]), method: "POST")
            } else {
                secret = try await client.write("sys/capabilities-self", body: .object([("paths", .array([.string(path)]))]), method: "POST")
            }
        } catch {
            context.console.error("Error listing capabilities: \(error)")
            return 2
        }
        guard let found = secret?.data?[path]?.arrayValue ?? secret?.data?["capabilities"]?.arrayValue else {
            context.console.error("No capabilities found")
            return 1
        }
        let names = found.compactMap(\.stringValue)
        guard context.format == "table" else {
            context.outputData(.array(names.map(JSONValue.string)))
            return 0
        }
        context.console.info(names.sorted().joined(separator: ", "))
        return 0
    }
}
