import Foundation

/// Runs independent jobs on every core, at most one job per core at a time.
enum Parallel {
    /// `transform(0..<count)` in parallel; results come back in index order.
    static func map<T: Sendable>(_ count: Int, _ transform: @escaping @Sendable (Int) throws -> T) async throws -> [T] {
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        return try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var results = [T?](repeating: nil, count: count)
            var next = 0
            func startNext() {
                guard next < count else { return }
                let index = next
                group.addTask { (index, try transform(index)) }
                next += 1
            }
            for _ in 0..<width { startNext() }
            while let (index, result) = try await group.next() {
                results[index] = result
                startNext()
            }
            return results.compactMap { $0 }
        }
    }
}
