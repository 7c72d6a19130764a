/// The Mustache context of a verification badge: on a how-to page in full, on a listing card as its verdict.
enum VerificationBadge {
    /// `{outcome, label, detail...}` for the page template, or `false` without a verification.
    static func context(_ verification: Verification?) -> Any {
        guard let v = verification else { return false }
        let vault = [v.vault.map { $0 == "live" ? "live Vault" : "mock Vault" }, v.vaultVersion.map { "(\($0))" }]
            .compactMap { $0 }.joined(separator: " ")
        return [
            "outcome": outcome(v.verdict),
            "label": label(v.verdict),
            "steps": "\(v.stepsPassed) of \(v.stepsTotal) steps passed",
            "vault": vault.isEmpty ? false : vault,
            "gateway": v.gateway.map { "Kong Gateway \($0)" } ?? false,
            "finishedAt": v.finishedAt ?? false,
            "finishedText": v.finishedAt.map(Self.readable) ?? false,
            "failedStep": v.failedStep.map { "failed at “\($0.section)” (line \($0.line))" } ?? false,
        ] as [String: Any]
    }

    /// `passed`, `failed` or `unverified` (a run that could not check everything).
    static func outcome(_ verdict: String) -> String {
        switch verdict {
        case "passed": "passed"
        case "failed", "budget-exceeded", "interrupted": "failed"
        default: "unverified"
        }
    }

    private static func label(_ verdict: String) -> String {
        switch outcome(verdict) {
        case "passed": "Verified"
        case "failed": "Verification failed"
        default: "Not fully verified"
        }
    }

    /// `2026-12-07T17:30:00Z` → `2026-12-07 17:30 UTC`.
    private static func readable(_ iso: String) -> String {
        guard iso.count >= 16, iso.hasSuffix("Z") else { return iso }
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }
}
