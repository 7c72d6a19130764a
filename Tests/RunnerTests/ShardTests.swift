import HowToPlan
import Diagnostics
import Testing
@testable import Runner

@Suite struct ShardTests {
    @Test func tenHowTosSplitIntoDisjointCoveringShards() throws {
        let paths = (1...10).map { "content/how-to/tutorial-\($0).md" }
        let shards = (1...3).map { Shard(parsing: "\($0)/3")! }
        let sets = shards.map { shard in Set(paths.filter(shard.contains)) }
        #expect(sets.reduce(0) { $0 + $1.count } == 10, "every how-to is in exactly one shard")
        #expect(sets.reduce(Set<String>()) { $0.union($1) } == Set(paths))
        #expect(sets.allSatisfy { !$0.isEmpty })
        // Stable: the same split every time.
        #expect(shards.map { shard in paths.filter(shard.contains) } == shards.map { shard in paths.filter(shard.contains) })
    }

    @Test func malformedShardsAreRejected() {
        for bad in ["0/3", "4/3", "1/0", "a/b", "1", "1/2/3", ""] { #expect(Shard(parsing: bad) == nil, "\(bad)") }
    }

    @Test func gatesSkipUntestedAndTooNewHowTos() throws {
        let runner = SuiteRunner(configuration: TestSupport.configuration(), makeObserver: { SilentObserver() })
        var plan = TestSupport.plan([try TestSupport.step("s1", "true")])
        plan.automatedTests = false
        #expect(runner.gate(.init(plan: plan, explicitlyNamed: false)).skip?.hasPrefix("automated_tests: false") == true)
        #expect(runner.gate(.init(plan: plan, explicitlyNamed: true)).skip == nil)
        #expect(runner.gate(.init(plan: plan, explicitlyNamed: true)).notes.count == 1)
        plan.automatedTests = true
        plan.minVersion = ["gateway": "3.14"]
        #expect(runner.gate(.init(plan: plan, explicitlyNamed: true)).skip == "min_version gateway 3.14 is above the target gateway version 3.13")
        #expect(SuiteRunner.compare("3.9", "3.13") < 0)
    }
}
