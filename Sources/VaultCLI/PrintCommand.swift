/// `vault print token`: the token the CLI would use (`VAULT_TOKEN`, else the token helper's file).
enum PrintCommand {
    static func run(_ arguments: [String], _ context: CommandContext) async -> Int32 {
        guard arguments.first == "token" else {
            context.console.error("Usage: vault print <subcommand> [options] [args]")
            return 1
        }
        guard let flags = context.parse(Array(arguments.dropFirst()), extra: []), context.expect(flags.positional, count: 0) else { return 1 }
        // As the real CLI, the token comes from a client, so a broken TLS or address setting fails here too.
        guard let client = context.client(flags) else { return 2 }
        context.console.info(client.token ?? "")
        return 0
    }
}
