import HowToPlan

/// `{% konnect %}`: content for Konnect only.
enum KonnectBlock: TopologyBlock {
    static let name = "konnect"
    static let topology = Topology.konnect
}
