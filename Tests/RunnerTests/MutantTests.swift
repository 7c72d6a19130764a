import Diagnostics
import HowToPlan
import Testing
@testable import Runner

@Suite struct MutantTests {
    @Test func valueCandidatesCoverVaultArgumentsRolesAndPolicyPaths() {
        let script = """
            vault write auth/jwt/role/demo role_type=jwt bound_audiences="vault" user_claim=sub
            vault kv put secret/password pass1=my-password
            export NOT_A_VAULT_COMMAND=x
            path "secret/*" {
              capabilities = ["read"]
            }
            """
        let values = Mutant.candidates(in: script).map(\.1)
        #expect(values == ["demo", "jwt", "\"vault\"", "sub", "my-password", "secret/*"])
    }

    @Test func mutationsKeepQuotesAndGlobs() {
        #expect(Mutant.mutate("\"vault\"") == "\"vault-mutated\"")
        #expect(Mutant.mutate("secret/*") == "secret-mutated/*")
        #expect(Mutant.mutate("my-password") == "my-password-mutated")
    }

    @Test func everyStepIsRemovedOnceAndInformationalStepsMayPass() throws {
        let plan = TestSupport.plan([
            try TestSupport.step("s1", "vault kv put secret/x a=b"),
            try TestSupport.step("s2", "vault status", ["informational": "true"]),
        ])
        let removals = Mutant.removals(of: plan)
        #expect(removals.map(\.plan.steps.count) == [1, 1])
        #expect(removals.map(\.mayPass) == [false, true])
        let changes = Mutant.valueChanges(of: plan)
        #expect(changes.map(\.plan.steps[0].script) == ["vault kv put secret/x a=b-mutated"])
    }

    @Test func validationsAreNotRemovedButExpectAnotherResult() throws {
        var check = try TestSupport.step("s2", "", kind: .validation)
        check.validation = .vaultSecret(secret: "{vault://hcv/password/pass1}", value: "my-password")
        var notHere = check
        notHere.id = "s3"
        notHere.validation = .notEmulated(type: "rate-limit-check", needs: "a gateway proxy", settings: [:])
        let plan = TestSupport.plan([try TestSupport.step("s1", "vault kv put secret/password pass1=my-password"), check, notHere])
        #expect(Mutant.removals(of: plan).map { $0.plan.steps.map(\.id) } == [["s2", "s3"]])
        let expectations = Mutant.expectationChanges(of: plan)
        #expect(expectations.map(\.plan.steps[1].validation) == [.vaultSecret(secret: "{vault://hcv/password/pass1}", value: "my-password-mutated")])
        #expect(expectations.map(\.mayPass) == [false])
        #expect(Mutant.otherExpectation(than: .customCommand(command: "true", expectedExitCode: 0, expectedOutput: nil))
            == .customCommand(command: "true", expectedExitCode: 1, expectedOutput: nil))
        #expect(Mutant.otherExpectation(than: .requestCheck(RequestCheck(url: "http://x/", status: 200)))
            == .requestCheck(RequestCheck(url: "http://x/", status: 204)))
        #expect(Mutant.otherExpectation(than: .envVariables(["A"])) == .envVariables(["A", "HOWTO_MUTANT_UNSET_VARIABLE"]))
    }

    @Test func rowsAreAcceptableOnlyWhenCaughtAndModesAgree() {
        #expect(MutationTester.Row(label: "x", mayPass: false, passed: ["mock": false, "live": false]).acceptable)
        #expect(!MutationTester.Row(label: "x", mayPass: false, passed: ["mock": true, "live": true]).acceptable)
        #expect(!MutationTester.Row(label: "x", mayPass: false, passed: ["mock": false, "live": true]).acceptable)
        #expect(MutationTester.Row(label: "x", mayPass: true, passed: ["mock": true, "live": true]).acceptable)
        #expect(!MutationTester.Row(label: "x", mayPass: true, passed: ["mock": true, "live": false]).acceptable)
    }
}
