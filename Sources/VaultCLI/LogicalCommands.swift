import GoValues

/// The generic path commands: `vault read|write|delete|list|unwrap`.
enum LogicalCommands {
    /// The path and the `key=value` arguments after it, which `read` and `delete` send as the query (a stray
    /// flag among them fails as in the real CLI); nil, with the CLI's message printed, when they are wrong.
    private static func pathAndQuery(_ flags: GoFlags, _ context: CommandContext, failure: String) -> (String, [String])? {
        guard let first = flags.positional.first else {
            context.console.error("Not enough arguments (expected 1, got 0)")
            return nil
        }
        let parameters = Array(flags.positional.dropFirst())
        do {
            _ = try KeyValueArguments.parse(parameters, stdin: context.readStdin)
        } catch {
            context.console.error("\(failure): \(error)")
            return nil
        }
        return (VaultPaths.sanitize(first), parameters)
    }

    static func read(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: [.value("field")]) else { return 1 }
        guard let (path, parameters) = pathAndQuery(flags, context, failure: "Failed to parse K=V data") else { return 1 }
        let secret: Secret?
        guard let client = context.client(flags) else { return 2 }
        do {
            secret = try await client.read(path, query: KeyValueArguments.query(parameters))
        } catch {
            context.console.error("Error reading \(path): \(error)")
            return 2
        }
        guard let secret else {
            context.console.error("No value found at \(path)")
            return 2
        }
        return context.outputSecret(secret, field: flags.string("field"))
    }

    static func write(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: [.value("field"), .bool("force"), .bool("f")]) else { return 1 }
        guard let first = flags.positional.first else {
            context.console.error("Not enough arguments (expected 1, got 0)")
            return 1
        }
        let path = VaultPaths.sanitize(first)
        let data: JSONValue?
        do {
            data = try KeyValueArguments.parse(Array(flags.positional.dropFirst()), stdin: context.readStdin)
        } catch {
            context.console.error("Failed to parse K=V data: \(error)")
            return 1
        }
        if data == nil, !(flags.bool("force") || flags.bool("f")) {
            context.console.error("Must supply data or use -force")
            return 1
        }
        let secret: Secret?
        guard let client = context.client(flags) else { return 2 }
        do {
            secret = try await client.write(path, body: data?.sortedKeys() ?? .null)
        } catch {
            context.console.error("Error writing data to \(path): \(error)")
            return 2
        }
        return context.outputWritten(secret, path: path, field: flags.string("field"))
    }

    static func delete(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments) else { return 1 }
        guard let (path, parameters) = pathAndQuery(flags, context, failure: "Failed to parse string list data") else { return 1 }
        let secret: Secret?
        guard let client = context.client(flags) else { return 2 }
        do {
            secret = try await client.delete(path, query: KeyValueArguments.query(parameters))
        } catch {
            context.console.error("Error deleting \(path): \(error)")
            return 2
        }
        guard let secret else {
            if context.format == "table" { context.console.info("Success! Data deleted (if it existed) at: \(path)") }
            return 0
        }
        return context.outputSecret(secret)
    }

    static func list(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments), context.expect(flags.positional, count: 1) else { return 1 }
        let path = VaultPaths.sanitize(flags.positional[0])
        let secret: Secret?
        guard let client = context.client(flags) else { return 2 }
        do {
            secret = try await client.list(path)
        } catch {
            context.console.error("Error listing \(path): \(error)")
            return 2
        }
        return printList(secret, path: path, context)
    }

    /// The shared tail of `list` and `kv list`.
    static func printList(_ secret: Secret?, path: String, _ context: CommandContext) -> Int32 {
        let hasKeys = secret?.data?["keys"]?.arrayValue != nil
        if context.format != "table", secret?.data == nil || !hasKeys {
            context.outputData(.object([]))
            return 2
        }
        guard let secret, secret.data != nil else {
            context.console.error("No value found at \(path)")
            return 2
        }
        guard hasKeys else {
            context.console.error("No entries found at \(path)")
            return 2
        }
        return context.outputList(secret)
    }

    static func unwrap(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: [.value("field")]) else { return 1 }
        guard flags.positional.count <= 1 else {
            context.console.error("Too many arguments (expected 0-1, got \(flags.positional.count))")
            return 1
        }
        let secret: Secret?
        guard let client = context.client(flags) else { return 2 }
        do {
            let body: JSONValue = flags.positional.first.map { .object([("token", .string($0))]) } ?? .null
            secret = try await client.write("sys/wrapping/unwrap", body: body)
        } catch {
            context.console.error("Error unwrapping: \(error)")
            return 2
        }
        guard let secret else {
            context.console.error("Could not find wrapped response")
            return 2
        }
        return context.outputSecret(secret, field: flags.string("field"))
    }
}
