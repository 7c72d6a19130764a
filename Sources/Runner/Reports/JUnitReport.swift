import HowToPlan
import Diagnostics
import Foundation

/// Renders results as JUnit XML: one testsuite per how-to, one testcase per step, with `file` and `line`.
public enum JUnitReport {
    /// The XML document; each suite's properties say what the run verified against.
    public static func render(_ results: [TutorialResult], run: RunFacts? = nil) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        let all = results.flatMap { $0.steps + $0.cleanup }
        xml += "<testsuites name=\"howto\" tests=\"\(all.count)\" failures=\"\(count(all, .failed) + count(all, .timedOut))\" skipped=\"\(count(all, .skipped) + count(all, .notRunnable))\" time=\"\(seconds(results.map(\.seconds).reduce(0, +)))\">\n"
        for (index, r) in results.enumerated() {
            let cases = r.steps + r.cleanup
            xml += "  <testsuite name=\"\(escape(r.title))\" id=\"\(index)\" tests=\"\(cases.count)\" failures=\"\(count(cases, .failed) + count(cases, .timedOut))\" errors=\"0\" skipped=\"\(count(cases, .skipped) + count(cases, .notRunnable))\" time=\"\(seconds(r.seconds))\" file=\"\(escape(r.file))\">\n"
            let properties = [("skipped", r.skipReason), ("howto", run?.howto), ("vault", run?.vault), ("vault_version", run?.vaultVersion),
                              ("gateway_version", run?.gateway), ("finished_at", run?.finishedAt)]
                .compactMap { name, value in value.map { "<property name=\"\(name)\" value=\"\(escape($0))\"/>" } }
            if !properties.isEmpty { xml += "    <properties>\(properties.joined())</properties>\n" }
            for c in cases {
                let name = "\(c.step.id) \(c.step.phase == .cleanup ? "cleanup: " : "")\(c.step.section)"
                xml += "    <testcase name=\"\(escape(name))\" classname=\"\(escape(r.file))\" time=\"\(seconds(c.seconds))\" file=\"\(escape(c.step.location.file))\" line=\"\(c.step.location.line)\">\n"
                switch c.status {
                case .passed: break
                case .skipped: xml += "      <skipped message=\"\(escape(c.message ?? "skipped"))\"/>\n"
                // JUnit has no third state: a skip whose message says why it is not a pass.
                case .notRunnable: xml += "      <skipped type=\"not-runnable\" message=\"\(escape(c.message ?? "not runnable here"))\"/>\n"
                case .failed, .timedOut:
                    xml += "      <failure message=\"\(escape(c.message ?? "failed"))\" type=\"\(c.status.rawValue)\">\(escape(c.output))</failure>\n"
                }
                if !c.output.isEmpty { xml += "      <system-out>\(escape(c.output))</system-out>\n" }
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    private static func count(_ results: [StepResult], _ status: StepResult.Status) -> Int {
        results.filter { $0.status == status }.count
    }

    private static func seconds(_ value: Double) -> String {
        String(format: "%.3f", value)
    }

    /// XML-escapes text, dropping characters XML 1.0 cannot carry (terminal control codes).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
