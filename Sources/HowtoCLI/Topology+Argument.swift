public import ArgumentParser
public import HowToPlan

/// `--topology on-prem|konnect`: any other value is a usage error that lists these.
extension Topology: ExpressibleByArgument {}
