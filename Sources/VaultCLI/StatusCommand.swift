import GoValues

/// `vault status`: seal and HA state; exit 2 when sealed, 1 when unreachable.
enum StatusCommand {
    static func run(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard let flags = context.parse(arguments), context.expect(flags.positional, count: 0),
              let client = context.client(flags) else { return 1 }
        let status: JSONValue
        do {
            status = try await client.json("GET", "sys/seal-status")
        } catch {
            context.console.error("Error checking seal status: \(error)")
            return 1
        }
        let code = await SealStatusOutput.print(status, client: client, context: context)
        return status["sealed"]?.boolValue == true ? 2 : code
    }
}
