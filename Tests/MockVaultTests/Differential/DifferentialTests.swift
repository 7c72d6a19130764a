import Foundation
import MockIdP
import TestHelpers
import TestPKI
import Testing
@testable import MockVault
import GoValues

/// Every probe of `probes.yaml` runs against the mock and against a real `bao server -dev` in the same
/// run; status, errors and the compared parts of each answer must agree (ids, tokens and times masked).
@Suite("mock Vault vs bao server -dev, probe by probe", .serialized)
struct DifferentialTests {
    /// `json` with every UUID-shaped string (entity, group and alias ids, which each server picks) replaced.
    static func masked(_ json: JSONValue?) -> JSONValue? {
        switch json {
        case let .string(text)? where text.range(of: #"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"#, options: .regularExpression) != nil:
            return .string("<uuid>")
        case let .array(items)?: return .array(items.compactMap { masked($0) })
        case let .object(members)?: return .object(members.map { ($0.0, masked($0.1) ?? .null) })
        default: return json
        }
    }

    /// The differences between two answers to the same request, as readable lines (empty when they agree).
    static func differences(real: ProbeRunner.Answer, mock: ProbeRunner.Answer) -> [String] {
        var out: [String] = []
        if real.status != mock.status { out.append("status: bao \(real.status), mock \(mock.status)") }
        switch real.compare {
        case .status: break
        case .errors:
            let theirs = real.body?["errors"], ours = mock.body?["errors"]
            if theirs != ours { out.append("errors: bao \(theirs?.goJSON() ?? "none"), mock \(ours?.goJSON() ?? "none")") }
        case .body:
            out += MaskedComparison.differences(expected: masked(real.body), actual: masked(mock.body))
                .map { $0.replacingOccurrences(of: "expected", with: "bao").replacingOccurrences(of: "got", with: "mock") }
        case let .pointers(pointers):
            for pointer in pointers {
                let theirs = masked(real.body.flatMap { ProbeRunner.value(at: pointer, in: $0) })
                let ours = masked(mock.body.flatMap { ProbeRunner.value(at: pointer, in: $0) })
                // A TTL read a moment apart on two servers may differ by a second or two.
                if pointer.hasSuffix("ttl"), let x = theirs?.intValue, let y = ours?.intValue, abs(x - y) <= 2 { continue }
                out += MaskedComparison.differences(expected: theirs, actual: ours, path: pointer)
                    .map { $0.replacingOccurrences(of: "expected", with: "bao").replacingOccurrences(of: "got", with: "mock") }
            }
        }
        return out.map { "\(real.request): \($0)" }
    }

    @Test("every probe answers on the mock as on OpenBao")
    func everyProbeAgrees() async throws {
        let probes = try Probe.table()
        #expect(probes.count >= 40, "the table holds the probes")
        let bao = try await BaoDevServer.start()
        defer { bao.stop() }
        let real = VaultHTTP(base: bao.address)
        // One embedded Kubernetes API for both servers' Kubernetes auth (TLS with a per-run CA).
        let ca = try TestCA.generate()
        let server = try ca.issueServerCertificate(hosts: ["127.0.0.1", "localhost"])
        let kubernetes = try await KubernetesAPI.start(serviceAccounts: [("default", "app")],
                                                       tls: (try server.certificatePEM, try server.privateKeyPEM))
        let cluster = (api: kubernetes, caPEM: try ca.certificatePEM)
        var agreeing = 0
        try await withMockVault { _, mock in
            for (index, probe) in probes.enumerated() {
                let prefix = "d\(index)"
                let theirs = try await ProbeRunner(http: real, prefix: prefix, kubernetes: cluster).run(probe)
                let ours = try await ProbeRunner(http: mock, prefix: prefix, kubernetes: cluster).run(probe)
                let lines = zip(theirs, ours).flatMap { Self.differences(real: $0, mock: $1) }
                if let reason = probe.expectedDifference {
                    #expect(!lines.isEmpty, "\(probe.name): listed as an expected difference (\(reason)) but the mock now agrees")
                } else if lines.isEmpty {
                    agreeing += 1
                } else {
                    let detail = lines.joined(separator: "\n  ")
                    Issue.record("\(probe.name):\n  \(detail)")
                }
            }
        }
        await kubernetes.stop()
        let listed = probes.filter { $0.expectedDifference != nil }.count
        print("differential: \(agreeing) of \(probes.count - listed) probes agree with OpenBao; \(listed) listed differences")
    }
}
