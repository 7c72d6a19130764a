import Foundation

/// The `deck` multi-call name: `deck gateway apply|sync|reset|dump|validate [FILE|-]` against the emulated gateway.
public enum DeckCommand {
    private static let valueFlags: Set<String> = [
        "--kong-addr", "--headers", "--select-tag", "--workspace", "-w", "--parallelism", "--tls-server-name",
        "--ca-cert-file", "--tls-client-cert-file", "--tls-client-key-file", "--konnect-token",
        "--konnect-addr", "--konnect-control-plane-name", "--analytics", "--timeout",
    ]
    private static let booleanFlags: Set<String> = [
        "--force", "-f", "--yes", "--no-color", "--include-plugin-definitions", "--skip-consumers",
        "--silence-events", "--json-output", "--skip-ca-certificates", "--verbose", "--tls-skip-verify",
        "--with-id", "--no-mask-deck-env-vars-value",
    ]

    /// Runs `deck` with `arguments` (without the program name); returns the exit status.
    public static func run(arguments: [String], environment: [String: String], io: CommandIO = .standard) async -> Int32 {
        do {
            try execute(arguments: arguments, environment: environment, io: io)
            return 0
        } catch {
            io.writeStderr("Error: \(error)\n")
            return 1
        }
    }

    private struct Options {
        var command = ""
        var files: [String] = []
        var output = "-"
        var version: GatewayVersion
    }

    private static func parse(_ arguments: [String], environment: [String: String]) throws(DeckError) -> Options {
        var version = GatewayVersion.defaultEmulated
        if let text = environment["HOWTO_GATEWAY_VERSION"] {
            guard let parsed = GatewayVersion(text) else { throw .message("invalid HOWTO_GATEWAY_VERSION '\(text)'") }
            version = parsed
        }
        var options = Options(version: version)
        var positional: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            let (flag, inlineValue): (String, String?) = argument.hasPrefix("-") && argument.contains("=")
                ? (String(argument.prefix { $0 != "=" }), String(argument.drop { $0 != "=" }.dropFirst()))
                : (argument, nil)
            func value() throws(DeckError) -> String {
                if let inlineValue { return inlineValue }
                guard index < arguments.count else { throw .message("flag needs an argument: \(flag)") }
                index += 1
                return arguments[index - 1]
            }
            switch flag {
            case "-": positional.append(argument)
            case "--gateway-version":
                let text = try value()
                guard let parsed = GatewayVersion(text) else { throw .message("invalid gateway version '\(text)': expected X.Y") }
                options.version = parsed
            case "-o", "--output-file": options.output = try value()
            case "-s", "--state": options.files.append(try value())
            case _ where valueFlags.contains(flag): _ = try value()
            case _ where booleanFlags.contains(flag): continue
            case _ where flag.hasPrefix("-"): throw .message("unknown flag: \(flag)")
            default: positional.append(argument)
            }
        }
        guard positional.first == "gateway" else {
            throw .message("unknown command \"\(positional.first ?? "")\" for \"deck\" (the emulation supports `deck gateway apply|sync|reset|dump|validate`)")
        }
        guard positional.count >= 2 else { throw .message("missing subcommand for \"deck gateway\"") }
        options.command = positional[1]
        options.files += positional.dropFirst(2)
        if options.files.isEmpty { options.files = ["kong.yaml"] }
        return options
    }

    private static func execute(arguments: [String], environment: [String: String], io: CommandIO) throws(DeckError) {
        let options = try parse(arguments, environment: environment)
        let store = GatewayStateStore(environment: environment)
        let stored: GatewayState
        do { stored = try store.load() } catch { throw .message("reading gateway state \(store.fileURL.path): \(error)") }
        let target: GatewayState
        switch options.command {
        case "validate":
            let content = try DeckContent.read(files: options.files, environment: environment, io: io)
            let failures = content.entities["vaults", default: []].compactMap { vault -> String? in
                let violations = VaultEntity.violations(of: vault, version: options.version)
                return violations.isEmpty ? nil : "vault \(GatewayState.identity(of: vault, kind: "vaults")): "
                    + VaultEntity.schemaViolationMessage(violations)
            }
            if !failures.isEmpty { throw .errors(failures) }
            return
        case "dump":
            let text = dump(stored)
            if options.output == "-" {
                io.writeStdout(text)
            } else {
                do { try Data(text.utf8).write(to: URL(fileURLWithPath: options.output), options: .atomic) } catch {
                    throw .message("writing file \(options.output): \(error.localizedDescription)")
                }
            }
            return
        case "apply":
            let content = try DeckContent.read(files: options.files, environment: environment, io: io)
            var entities = stored.entities
            for (kind, items) in content.entities {
                for item in items {
                    let id = GatewayState.identity(of: item, kind: kind)
                    if let i = entities[kind, default: []].firstIndex(where: { GatewayState.identity(of: $0, kind: kind) == id }) {
                        entities[kind]![i] = item
                    } else {
                        entities[kind, default: []].append(item)
                    }
                }
            }
            target = GatewayState(entities: entities)
        case "sync":
            target = GatewayState(entities: try DeckContent.read(files: options.files, environment: environment, io: io).entities)
        case "reset":
            target = GatewayState()
        default:
            throw .message("unknown command \"\(options.command)\" for \"deck gateway\"")
        }
        let plan = DeckPlan(from: stored, to: target, version: options.version)
        io.writeStdout(plan.eventLines.joined(separator: "\n") + (plan.eventLines.isEmpty ? "" : "\n"))
        io.writeStdout("Summary:\n  Created: \(plan.created)\n  Updated: \(plan.updated)\n  Deleted: \(plan.deleted)\n")
        if !plan.failures.isEmpty { throw .errors(plan.failures) }
        do { try store.save(plan.result) } catch {
            throw .message("writing gateway state \(store.fileURL.path): \(error.localizedDescription)")
        }
    }

    private static func dump(_ state: GatewayState) -> String {
        var top: [String: GatewayJSON] = ["_format_version": .string("3.0")]
        for (kind, items) in state.entities { top[kind] = .array(items) }
        let order = ["_format_version", "name", "prefix", "description", "config", "tags"]
        return (try? YAMLConversion.dump(.object(top), keyOrder: order)) ?? ""
    }
}
