import Diagnostics
import Foundation
import HowToPlan
import Testing
@testable import Walk

@Suite struct WalkProgressTests {
    private func plan(_ script: String) -> Plan {
        Plan(file: "a.md", title: "A", steps: [Step(id: "s1", section: "One", kind: .shell, script: script, location: .init(file: "a.md", line: 3))])
    }

    @Test func savesAtomicallyForTheOwnerOnlyAndRemovesEverything() throws {
        let root = NSTemporaryDirectory() + "howto-progress-\(UUID().uuidString)"
        let store = WalkProgressStore(slug: "a/b", root: root)
        try store.prepare()
        #expect(try store.load() == nil)
        var progress = WalkProgress(plan: plan("echo 1\n"), fixtures: true, vaultMode: "mock")
        progress.done.append(.init(id: "s1", status: "passed", script: nil, state: "/x/state-1.sh"))
        try store.save(progress)
        #expect(try store.load() == progress)
        let mode = try FileManager.default.attributesOfItem(atPath: store.file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(store.directory.hasSuffix("/.howto-walk/a--b"))
        #expect(!FileManager.default.fileExists(atPath: store.file + ".tmp"))
        store.remove()
        #expect(!FileManager.default.fileExists(atPath: root + "/.howto-walk"))
    }

    @Test func theFingerprintFollowsTheScripts() {
        #expect(WalkProgress.fingerprint(plan("echo 1\n")) == WalkProgress.fingerprint(plan("echo 1\n")))
        #expect(WalkProgress.fingerprint(plan("echo 1\n")) != WalkProgress.fingerprint(plan("echo 2\n")))
    }
}
