/// The text of an included file and the path diagnostics should name.
public struct IncludeSource: Sendable, Hashable {
    /// The file's content.
    public var text: String
    /// The file's path, used in diagnostics, the source line map and cycle detection.
    public var file: String

    /// Creates an include source.
    public init(text: String, file: String) {
        self.text = text
        self.file = file
    }
}
