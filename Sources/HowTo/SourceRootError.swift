/// A file refused because it lies outside its root, or is a link that leads out of it.
public struct SourceRootError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as it was asked for.
    public var file: String
    /// Where its links lead, when the file exists; nil when its path itself leaves the root (`../`).
    public var target: String?
    /// The root it had to stay in, as the user named it.
    public var root: String

    /// Creates the error for `file`, which leaves `root` (through links to `target`, when known).
    public init(file: String, target: String?, root: String) {
        self.file = file
        self.target = target
        self.root = root
    }

    /// What was refused and how to allow it on purpose.
    public var description: String {
        guard let target else { return "`\(file)` lies outside the folder `\(root)`; howto reads only files inside it" }
        return "`\(file)` is a link to \(target), outside the folder `\(root)`; howto reads only files inside it "
            + "(pass --allow-links-outside-root or set \(SourceRoot.allowLinksOutsideVariable)=1 to follow such links on purpose)"
    }
}
