import Diagnostics
public import HowTo
import HowToPlan

/// A how-to in the order a reader meets it: prose, and the steps at the code blocks that are steps.
public struct ReadingList: Sendable {
    /// One stop on the way.
    public enum Item: Sendable, Hashable {
        /// Passages to show.
        case prose([Passage])
        /// The plan's step at this index, shown with its code block.
        case step(Int, language: String?, code: String)
    }

    /// The items in reading order; every plan step appears exactly once.
    public let items: [Item]

    /// Builds the list from the page: prerequisites (each under its title), then the body.
    public init(page: HowToPage) {
        var items: [Item] = []
        var pending: [Passage] = []
        var located: [String: Int] = [:]
        for (index, step) in page.plan.steps.enumerated() { located[step.location.description] = index }
        var seen = Set<Int>()
        func add(_ passages: [Passage]) {
            for passage in passages {
                if case let .code(language, text, location) = passage, let index = located[location.description], !seen.contains(index) {
                    if !pending.isEmpty { items.append(.prose(pending)) }
                    pending = []
                    seen.insert(index)
                    items.append(.step(index, language: language, code: text))
                } else if case let .callout(kind, inner) = passage, Self.containsStep(inner, located) {
                    // A step inside a quote or list is lifted out so the walk can stop at it.
                    pending.append(.callout(kind: kind, []))
                    add(inner)
                } else if case let .list(_, _, entries) = passage, entries.contains(where: { Self.containsStep($0, located) }) {
                    for entry in entries { add(entry) }
                } else {
                    pending.append(passage)
                }
            }
        }
        let prerequisites = page.prerequisites.filter { $0.topology == nil || $0.topology == page.plan.topology }
        if !prerequisites.isEmpty {
            pending.append(.heading(level: 2, text: "Prerequisites"))
            for item in prerequisites {
                pending.append(.heading(level: 3, text: item.title))
                add(item.passages)
            }
        }
        add(page.passages)
        if !pending.isEmpty { items.append(.prose(pending)) }
        // Steps no passage showed (should not happen) still get their stop, at the end.
        for (index, step) in page.plan.steps.enumerated() where !seen.contains(index) {
            items.append(.step(index, language: "sh", code: step.script))
        }
        self.items = items
    }

    /// The position of the first item to show when the walk starts at step `index`: the heading of the
    /// section the step sits in.
    public func start(forStep index: Int) -> Int {
        guard index > 0, let position = items.firstIndex(where: { if case .step(index, _, _) = $0 { true } else { false } }) else { return 0 }
        var at = position
        while at > 0 {
            at -= 1
            if case let .prose(passages) = items[at], passages.contains(where: { if case .heading(2, _) = $0 { true } else { false } }) { return at }
        }
        return 0
    }

    private static func containsStep(_ passages: [Passage], _ located: [String: Int]) -> Bool {
        passages.contains { passage in
            switch passage {
            case let .code(_, _, location): located[location.description] != nil
            case let .callout(_, inner): containsStep(inner, located)
            case let .list(_, _, entries): entries.contains { containsStep($0, located) }
            default: false
            }
        }
    }
}
