/// The changes decK would make to go from one gateway state to another, with Kong's schema checks.
struct DeckPlan {
    /// `creating vault x` style lines, in order.
    var eventLines: [String] = []
    /// Entities successfully created, updated and deleted.
    var created = 0, updated = 0, deleted = 0
    /// decK's per-entity failure lines.
    var failures: [String] = []
    /// The state after the successful changes.
    var result: GatewayState

    init(from old: GatewayState, to new: GatewayState, version: GatewayVersion) {
        var entities = old.entities
        for kind in new.entities.keys.sorted() {
            let noun = GatewayState.noun(for: kind)
            for item in new.entities[kind] ?? [] {
                let id = GatewayState.identity(of: item, kind: kind)
                let index = entities[kind, default: []].firstIndex { GatewayState.identity(of: $0, kind: kind) == id }
                if let index, entities[kind]![index] == item { continue }
                let action = index == nil ? "create" : "update"
                eventLines.append("\(action == "create" ? "creating" : "updating") \(noun) \(id)")
                if kind == "vaults" {
                    let violations = VaultEntity.violations(of: item, version: version)
                    if !violations.isEmpty {
                        failures.append("\(action) \(noun) \(id) failed: HTTP status 400 (message: \""
                            + VaultEntity.schemaViolationMessage(violations) + "\")")
                        continue
                    }
                }
                if let index {
                    entities[kind]![index] = item
                    updated += 1
                } else {
                    entities[kind, default: []].append(item)
                    created += 1
                }
            }
        }
        for kind in old.entities.keys.sorted() {
            let keep = Set((new.entities[kind] ?? []).map { GatewayState.identity(of: $0, kind: kind) })
            for item in old.entities[kind] ?? [] {
                let id = GatewayState.identity(of: item, kind: kind)
                if keep.contains(id) { continue }
                eventLines.append("deleting \(GatewayState.noun(for: kind)) \(id)")
                entities[kind]?.removeAll { GatewayState.identity(of: $0, kind: kind) == id }
                deleted += 1
            }
        }
        result = GatewayState(entities: entities)
    }
}
