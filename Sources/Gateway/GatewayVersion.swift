/// A Kong Gateway release as `major.minor`, the version the emulation behaves like.
public struct GatewayVersion: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The major release number.
    public var major: Int
    /// The minor release number.
    public var minor: Int

    /// Creates a version.
    public init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Parses `X.Y` or `X.Y.Z` (the patch part is ignored); nil when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.count <= 4,
              let major = Int(parts[0]), let minor = Int(parts[1]), major >= 0, minor >= 0
        else { return nil }
        self.init(major, minor)
    }

    /// The version emulated when nothing else is asked for.
    public static let defaultEmulated = GatewayVersion(3, 13)

    public static func < (lhs: GatewayVersion, rhs: GatewayVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    public var description: String { "\(major).\(minor)" }
}
