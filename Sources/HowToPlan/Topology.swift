/// Where a how-to's gateway runs: a plan, a page's `works_on` and the topology blocks each name one of these.
public enum Topology: String, Sendable, Hashable, Codable, CaseIterable {
    /// A self-managed Kong Gateway (`on-prem`).
    case onPrem = "on-prem"
    /// Kong Konnect (`konnect`).
    case konnect

    /// The label a topology block shows.
    public var label: String {
        switch self {
        case .onPrem: "On-prem"
        case .konnect: "Konnect"
        }
    }
}
