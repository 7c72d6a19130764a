// The howto CLI. One binary, several names: invoked as `vault`, `deck` or `kong` (links the test
// runner puts on PATH) it acts as that tool; otherwise it is `howto` with its subcommands.
import Foundation

let invokedAs = URL(fileURLWithPath: CommandLine.arguments.first ?? "howto").lastPathComponent
let rest = Array(CommandLine.arguments.dropFirst())
let code = await MultiCall.run(name: invokedAs, arguments: rest)
exit(code)
