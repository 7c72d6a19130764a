import Foundation
import GoValues

/// `vault kv put|get|patch|rollback|delete|undelete|destroy|list|metadata get|put|delete`: the KV
/// helpers, which first ask `sys/internal/ui/mounts/<path>` whether the mount is KV v1 or v2.
enum KVCommand {
    /// Where a `kv` argument lives: the mount, the path with the mount, and the KV version.
    struct Location {
        let mount: String
        let partialPath: String
        let v2: Bool
        let mountFlagSyntax: Bool

        /// The API path for a v2 operation (`data`, `metadata`, ...), or the plain path on v1.
        func path(_ apiPrefix: String) -> String {
            if v2 { return VaultPaths.addKVPrefix(partialPath, mount: mount, apiPrefix: apiPrefix) }
            return mountFlagSyntax ? VaultPaths.join(mount, partialPath) : partialPath
        }
    }

    static let flags: [GoFlags.Spec] = [.value("mount"), .value("field"), .value("version"), .value("versions"),
                                        .value("cas"), .value("method"), .bool("all-versions"), .value("max-versions"),
                                        .bool("cas-required"), .value("delete-version-after"), .value("custom-metadata")]

    static func run(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        let rest = Array(arguments.dropFirst())
        switch arguments.first {
        case "put": return await put(rest, context, patch: false)
        case "patch": return await put(rest, context, patch: true)
        case "rollback": return await rollback(rest, context)
        case "get": return await get(rest, context)
        case "delete": return await delete(rest, context)
        case "undelete": return await versions(rest, context, operation: "undelete")
        case "destroy": return await versions(rest, context, operation: "destroy")
        case "list": return await list(rest, context)
        case "metadata":
            switch rest.first {
            case "get": return await metadataGet(Array(rest.dropFirst()), context)
            case "put": return await metadataPut(Array(rest.dropFirst()), context)
            case "delete": return await metadataDelete(Array(rest.dropFirst()), context)
            default: break
            }
        default: break
        }
        context.console.error("Usage: vault kv <put|get|patch|rollback|delete|undelete|destroy|list|metadata get|metadata put|metadata delete> [options] [args]")
        return 1
    }

    /// Runs the preflight; prints the error and returns nil when it fails.
    static func locate(_ argument: String, _ flags: GoFlags, _ client: VaultClient, _ context: CommandContext) async -> Location? {
        let mountFlag = flags.string("mount") ?? ""
        let partial = VaultPaths.sanitize(argument)
        do {
            if !mountFlag.isEmpty {
                let (mount, v2) = try await preflight(VaultPaths.sanitize(mountFlag), client)
                return Location(mount: mount, partialPath: v2 ? VaultPaths.join(mount, partial) : partial, v2: v2, mountFlagSyntax: true)
            }
            let (mount, v2) = try await preflight(partial, client)
            return Location(mount: mount, partialPath: partial, v2: v2, mountFlagSyntax: false)
        } catch {
            context.console.error(error.description)
            return nil
        }
    }

    /// `kvPreflightVersionRequest`: the mount path and whether it is KV v2; a 404 means v1 at the root.
    static func preflight(_ path: String, _ client: VaultClient) async throws(VaultAPIError) -> (String, Bool) {
        let (response, error) = try await client.call("GET", "sys/internal/ui/mounts/" + path)
        if let error {
            if response.status == 404 { return ("", false) }
            throw error
        }
        guard let secret = try Secret.parse(response.body) else { throw .decoding("nil response from pre-flight request") }
        let mount = secret.data?["path"]?.stringValue ?? ""
        return (mount, secret.data?["options"]?["version"]?.stringValue == "2")
    }

    static func put(_ arguments: [String], _ context: CommandContext, patch: Bool) async -> Int32 {
        guard let flags = context.parse(arguments, extra: Self.flags) else { return 1 }
        guard let first = flags.positional.first else {
            context.console.error("Not enough arguments (expected >1, got 0)")
            return 1
        }
        let data: JSONValue?
        do {
            data = try KeyValueArguments.parse(Array(flags.positional.dropFirst()), stdin: context.readStdin)
        } catch {
            context.console.error("Failed to parse K=V data: \(error)")
            return 1
        }
        guard let data else {
            context.console.error("Must supply data")
            return 1
        }
        guard let client = context.client(flags) else { return 2 }
        guard let location = await locate(first, flags, client, context) else { return 2 }
        if patch, !location.v2 {
            context.console.error("K/V engine mount must be version 2 for patch support")
            return 2
        }
        let fullPath = location.path("data")
        var body = data.sortedKeys()
        if location.v2 {
            var options: [(String, JSONValue)] = []
            if let cas = flags.string("cas").flatMap(Int.init), cas > -1 { options.append(("cas", .number(String(cas)))) }
            body = .object([("data", body), ("options", .object(options))])
        }
        let secret: Secret?
        do {
            secret = patch
                ? try await client.write(fullPath, body: body, method: "PATCH", contentType: "application/merge-patch+json")
                : try await client.write(fullPath, body: body)
        } catch {
            context.console.error("Error writing data to \(fullPath): \(error)")
            return 2
        }
        guard let secret else {
            if context.format == "table", !patch { context.console.info("Success! Data written to: \(fullPath)") }
            return 0
        }
        if let field = flags.string("field") { return context.printRawField(context.rawField(secret, field), field) }
        guard context.format == "table" else { return context.outputSecret(secret) }
        printPath(fullPath, title: "Secret Path", context)
        let metadata = secret.data ?? .object([])
        context.console.info(Columns.header("Metadata", for: metadata))
        context.outputData(metadata)
        return 0
    }

    static func get(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: Self.flags), context.expect(flags.positional, count: 1) else { return 1 }
        guard let client = context.client(flags) else { return 2 }
        guard let location = await locate(flags.positional[0], flags, client, context) else { return 2 }
        let fullPath = location.path("data")
        var query: String?
        if location.v2, let version = flags.string("version").flatMap(Int.init), version > 0 { query = "version=\(version)" }
        let secret: Secret?
        do {
            secret = try await client.read(fullPath, query: query)
        } catch {
            context.console.error("Error reading \(fullPath): \(error)")
            return 2
        }
        guard let secret else {
            context.console.error("No value found at \(fullPath)")
            return 2
        }
        if let field = flags.string("field") {
            guard location.v2 else { return context.printRawField(context.rawField(secret, field), field) }
            guard let inner = secret.data?["data"], !inner.isNull else {
                context.console.error("No data found at \(fullPath)")
                return 2
            }
            if field == "data", inner["data"] == nil { return context.printRawField(context.rawField(secret, field), field) }
            return context.printRawField(inner[field], field, in: "map")
        }
        guard context.format == "table", secret.wrapInfo == nil else { return context.outputSecret(secret) }
        context.printWarnings(secret)
        if location.v2 { printPath(fullPath, title: "Secret Path", context) }
        if let metadata = secret.data?["metadata"], case .object = metadata {
            context.console.info(Columns.header("Metadata", for: metadata))
            context.outputData(metadata)
            context.console.info("")
        }
        var data = secret.data
        if location.v2 {
            data = secret.data?["data"].flatMap { $0.isNull ? nil : $0 }
        }
        if let data {
            context.console.info(Columns.header("Data", for: data))
            context.outputData(data)
        }
        return 0
    }

    static func delete(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: Self.flags), context.expect(flags.positional, count: 1) else { return 1 }
        guard let client = context.client(flags) else { return 2 }
        guard let location = await locate(flags.positional[0], flags, client, context) else { return 2 }
        let versions = parseVersions(flags)
        let fullPath = location.path("data")
        do {
            if location.v2, !versions.isEmpty {
                _ = try await client.write(location.path("delete"), body: .object([("versions", .array(versions.map(JSONValue.string)))]))
            } else {
                _ = try await client.delete(fullPath)
            }
        } catch {
            context.console.error("Error deleting \(fullPath): \(error)")
            return 2
        }
        context.console.info("Success! Data deleted (if it existed) at: \(fullPath)")
        return 0
    }

    static func versions(_ arguments: [String], _ context: CommandContext, operation: String) async -> Int32 {
        guard let flags = context.parse(arguments, extra: Self.flags), context.expect(flags.positional, count: 1) else { return 1 }
        let versions = parseVersions(flags)
        guard !versions.isEmpty else {
            context.console.error("No versions provided, use the \"-versions\" flag to specify the version to \(operation).")
            return 1
        }
        guard let client = context.client(flags) else { return 2 }
        guard let location = await locate(flags.positional[0], flags, client, context) else { return 2 }
        guard location.v2 else {
            context.console.error("\(operation == "undelete" ? "Undelete" : "Destroy") not supported on KV Version 1")
            return 1
        }
        let fullPath = location.path(operation)
        do {
            _ = try await client.write(fullPath, body: .object([("versions", .array(versions.map(JSONValue.string)))]))
        } catch {
            context.console.error("Error writing data to \(fullPath): \(error)")
            return 2
        }
        context.console.info("Success! Data written to: \(fullPath)")
        return 0
    }

    static func list(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: Self.flags) else { return 1 }
        guard flags.positional.count <= 1 else {
            context.console.error("Too many arguments (expected 1, got \(flags.positional.count))")
            return 1
        }
        guard let client = context.client(flags) else { return 2 }
        guard let location = await locate(flags.positional.first ?? "", flags, client, context) else { return 2 }
        let fullPath = location.path("metadata")
        let secret: Secret?
        do {
            secret = try await client.list(fullPath)
        } catch {
            context.console.error("Error listing \(fullPath): \(error)")
            return 2
        }
        return LogicalCommands.printList(secret, path: fullPath, context)
    }

    static func metadataGet(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: Self.flags), context.expect(flags.positional, count: 1) else { return 1 }
        guard let client = context.client(flags) else { return 2 }
        guard let location = await locate(flags.positional[0], flags, client, context) else { return 2 }
        guard location.v2 else {
            context.console.error("Metadata not supported on KV Version 1")
            return 1
        }
        let fullPath = location.path("metadata")
        let secret: Secret?
        do {
            secret = try await client.read(fullPath)
        } catch {
            context.console.error("Error reading \(fullPath): \(error)")
            return 2
        }
        guard var secret else {
            context.console.error("No value found at \(fullPath)")
            return 2
        }
        guard context.format == "table" else { return context.outputSecret(secret) }
        guard let versions = secret.data?["versions"], case .object(let entries) = versions else {
            context.console.error("No value found at \(fullPath)")
            context.outputSecret(secret)
            return 2
        }
        secret.data = secret.data?.removing("versions")
        printPath(fullPath, title: "Metadata Path", context)
        context.console.info(Columns.header("Metadata", for: secret.data ?? .object([])))
        context.outputSecret(secret)
        for (key, value) in entries.compactMap({ e in Int(e.0).map { ($0, e.1) } }).sorted(by: { $0.0 < $1.0 }) {
            context.console.info("\n" + Columns.header("Version \(key)", for: value))
            context.outputData(value)
        }
        return 0
    }

    /// `kv rollback -version=N PATH`: writes version N's data as a new version, checked-and-set against the
    /// current one (`kv_rollback.go`).
    static func rollback(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: Self.flags) else { return 1 }
        guard flags.positional.count == 1 else {
            context.console.error("Invalid number of arguments (expected 1, got \(flags.positional.count))")
            return 1
        }
        guard flags.isSet("version") else {
            context.console.error("Version flag must be specified")
            return 1
        }
        let version = Int(flags.string("version") ?? "") ?? 0
        guard version > 0 else {
            context.console.error("Invalid value \(version) for the version flag")
            return 1
        }
        guard let client = context.client(flags) else { return 2 }
        guard let location = await locate(flags.positional[0], flags, client, context) else { return 2 }
        guard location.v2 else {
            context.console.error("K/V engine mount must be version 2 for rollback support")
            return 2
        }
        let fullPath = location.path("data")
        let current: Secret?, target: Secret?
        do {
            current = try await client.read(fullPath)
            target = current == nil ? nil : try await client.read(fullPath, query: "version=\(version)")
        } catch {
            context.console.error("Error doing pre-read at \(fullPath): \(error)")
            return 2
        }
        guard let casVersion = current?.data?["metadata"]?["version"], let target, let meta = target.data?["metadata"],
              case .object = meta else {
            context.console.error(current == nil || target == nil ? "No value found at \(fullPath)"
                                  : "No metadata found at \(fullPath); rollback only works on existing data")
            return 2
        }
        if let deleted = meta["deletion_time"]?.stringValue, !deleted.isEmpty {
            context.console.error("Cannot roll back to a version that has been deleted")
            return 2
        }
        if meta["destroyed"] == .bool(true) {
            context.console.error("Cannot roll back to a version that has been destroyed")
            return 2
        }
        guard let data = target.data?["data"], case .object = data else {
            context.console.error("No data found at \(fullPath); rollback only works on existing data")
            return 2
        }
        let secret: Secret?
        do {
            secret = try await client.write(fullPath, body: .object([("data", data), ("options", .object([("cas", casVersion)]))]))
        } catch {
            context.console.error("Error writing data to \(fullPath): \(error)")
            return 2
        }
        return context.outputWritten(secret, path: fullPath, field: flags.string("field"))
    }

    /// `kv metadata put`: a secret's max versions, check-and-set requirement, deletion delay and custom metadata.
    static func metadataPut(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: Self.flags) else { return 1 }
        guard flags.positional.count == 1 else {
            context.console.error(flags.positional.isEmpty ? "Not enough arguments (expected 1, got 0)"
                                  : "Too many arguments (expected 1, got \(flags.positional.count))")
            return 1
        }
        guard let client = context.client(flags) else { return 2 }
        guard let location = await locate(flags.positional[0], flags, client, context) else { return 2 }
        guard location.v2 else {
            context.console.error("Metadata not supported on KV Version 1")
            return 1
        }
        var body: [(String, JSONValue)] = []
        if let max = flags.string("max-versions").flatMap(Int.init), max >= 0 { body.append(("max_versions", .number(String(max)))) }
        if flags.isSet("delete-version-after") { body.append(("delete_version_after", .string(flags.durationText("delete-version-after")))) }
        if flags.isSet("cas-required") { body.append(("cas_required", .bool(flags.bool("cas-required")))) }
        let custom = KeyValueArguments.pairs(flags.all("custom-metadata"))
        if !custom.isEmpty { body.append(("custom_metadata", JSONValue.object(custom).sortedKeys())) }
        let fullPath = location.path("metadata")
        let secret: Secret?
        do {
            secret = try await client.write(fullPath, body: JSONValue.object(body).sortedKeys())
        } catch {
            context.console.error("Error writing data to \(fullPath): \(error)")
            return 2
        }
        return context.outputWritten(secret, path: fullPath)
    }

    static func metadataDelete(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments, extra: Self.flags), context.expect(flags.positional, count: 1) else { return 1 }
        guard let client = context.client(flags) else { return 2 }
        guard let location = await locate(flags.positional[0], flags, client, context) else { return 2 }
        guard location.v2 else {
            context.console.error("Metadata not supported on KV Version 1")
            return 1
        }
        let fullPath = location.path("metadata")
        do {
            _ = try await client.delete(fullPath)
        } catch {
            context.console.error("Error deleting \(fullPath): \(error)")
            return 2
        }
        context.console.info("Success! Data deleted (if it existed) at: \(fullPath)")
        return 0
    }

    /// `outputPath`: `==== Title ====`, the path, a blank line.
    static func printPath(_ path: String, title: String, _ context: CommandContext) {
        context.console.info(Columns.equalSignsHeader(title, totalLength: path.count))
        context.console.info(path)
        context.console.info("")
    }

    /// `-versions=1,2 -versions=3` as strings, the way the CLI sends them.
    static func parseVersions(_ flags: GoFlags) -> [String] {
        flags.all("versions").flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
    }
}
