extension Duration {
    /// The duration in milliseconds, for reports of how long a build took.
    public var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
