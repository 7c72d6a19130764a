import Foundation
import GoValues

/// `vault policy read|write|list|delete` over `sys/policies/acl`.
enum PolicyCommand {
    static func run(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        let rest = Array(arguments.dropFirst())
        switch arguments.first {
        case "read": return await read(rest, context)
        case "write": return await write(rest, context)
        case "list": return await list(rest, context)
        case "delete": return await delete(rest, context)
        default:
            context.console.error("Usage: vault policy <read|write|list|delete> [options] [args]")
            return 1
        }
    }

    static func name(_ raw: String) -> String { raw.trimmingCharacters(in: .whitespaces).lowercased() }

    static func read(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments), context.expect(flags.positional, count: 1) else { return 1 }
        let policy = name(flags.positional[0])
        let rules: String?
        guard let client = context.client(flags) else { return 2 }
        do {
            let (response, error) = try await client.call("GET", "sys/policies/acl/\(policy)")
            if response.status == 404 {
                rules = nil
            } else if let error {
                throw error
            } else {
                rules = try Secret.parse(response.body)?.data?["policy"]?.stringValue
            }
        } catch {
            context.console.error("Error reading policy named \(policy): \(error)")
            return 2
        }
        guard let rules else {
            context.console.error("No policy named: \(policy)")
            return 2
        }
        if context.format == "table" {
            context.console.info(rules.trimmingCharacters(in: .whitespacesAndNewlines))
        } else {
            context.outputData(.object([("policy", .string(rules))]))
        }
        return 0
    }

    static func write(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments), context.expect(flags.positional, count: 2) else { return 1 }
        let policy = name(flags.positional[0])
        let source = flags.positional[1]
        let text: String
        if source == "-" {
            text = String(decoding: context.readStdin(), as: UTF8.self)
        } else {
            guard let data = FileManager.default.contents(atPath: source) else {
                context.console.error("Error opening policy file: open \(source): no such file or directory")
                return 2
            }
            text = String(decoding: data, as: UTF8.self)
        }
        guard let client = context.client(flags) else { return 2 }
        do {
            _ = try await client.checked("PUT", "sys/policies/acl/\(policy)", body: .object([("policy", .string(text))]))
        } catch {
            context.console.error("Error uploading policy: \(error)")
            return 2
        }
        context.console.info("Success! Uploaded policy: \(policy)")
        return 0
    }

    static func list(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments), context.expect(flags.positional, count: 0) else { return 1 }
        let keys: [JSONValue]
        guard let client = context.client(flags) else { return 2 }
        do {
            let response = try await client.checked("GET", "sys/policies/acl", query: "list=true")
            keys = try Secret.parse(response.body)?.data?["keys"]?.arrayValue ?? []
        } catch {
            context.console.error("Error listing policies: \(error)")
            return 2
        }
        if context.format == "table" {
            for key in keys { context.console.info(key.goDescription) }
        } else {
            context.outputData(.array(keys))
        }
        return 0
    }

    static func delete(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments), context.expect(flags.positional, count: 1) else { return 1 }
        let policy = name(flags.positional[0])
        guard let client = context.client(flags) else { return 2 }
        do {
            _ = try await client.checked("DELETE", "sys/policies/acl/\(policy)")
        } catch {
            context.console.error("Error deleting \(policy): \(error)")
            return 2
        }
        context.console.info("Success! Deleted policy: \(policy)")
        return 0
    }
}
