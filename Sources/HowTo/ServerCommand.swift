import Foundation
import HowToPlan

/// Recognised long-running server commands (`vault server -dev ...`, `bao server -dev ...`).
enum ServerCommand {
    /// The readiness probe for a dev server command, or nil when the script is not one.
    static func defaultProbe(_ script: String) -> ReadinessProbe? {
        let words = script.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\\" }).map(String.init)
        guard words.count >= 3, ["vault", "bao"].contains(words[0]), words[1] == "server", words.contains("-dev") else { return nil }
        var address = "127.0.0.1:8200"
        var tls = false
        for (i, word) in words.enumerated() {
            if word.hasPrefix("-dev-listen-address=") {
                address = String(word.dropFirst("-dev-listen-address=".count))
            } else if word == "-dev-listen-address", i + 1 < words.count {
                address = words[i + 1]
            } else if word == "-dev-tls" || word == "-dev-tls=true" {
                tls = true
            }
        }
        address = address.trimmingCharacters(in: ["\"", "'"])
        return .http(url: "\(tls ? "https" : "http")://\(address)/v1/sys/health", status: nil)
    }
}
