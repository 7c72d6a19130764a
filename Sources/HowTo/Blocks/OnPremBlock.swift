import HowToPlan

/// `{% on_prem %}`: content for on-prem deployments only.
enum OnPremBlock: TopologyBlock {
    static let name = "on_prem"
    static let topology = Topology.onPrem
}
