/// Failures of the site builder that are not located in content (file system, templates folder).
public enum SiteError: Error, CustomStringConvertible {
    /// The templates folder does not exist or holds no `.mustache` files.
    case templatesNotFound(String)
    /// A template the builder needs is missing from the templates folder.
    case missingTemplate(name: String, folder: String)
    /// A template file cannot be read as UTF-8 text.
    case unreadableTemplate(String)
    /// The output path exists but is not a directory.
    case outputNotADirectory(String)
    /// Writing or moving a file failed.
    case fileSystem(path: String, reason: String)
    /// A page would be written outside the output folder (a `..` or absolute path).
    case unsafeOutputPath(String)

    /// Whether the input is at fault (exit 2) rather than the machine (exit 3).
    public var isBadInput: Bool {
        switch self {
        case .templatesNotFound, .missingTemplate, .unreadableTemplate, .outputNotADirectory, .unsafeOutputPath: true
        case .fileSystem: false
        }
    }

    /// A message that says what to do.
    public var description: String {
        switch self {
        case .templatesNotFound(let folder):
            "no Mustache templates found in '\(folder)': pass a folder of templates with --templates, or leave it out for the built-in ones"
        case .missingTemplate(let name, let folder):
            "the template '\(name).mustache' is missing from '\(folder)'"
        case .unreadableTemplate(let path):
            "cannot read the template '\(path)' as UTF-8 text"
        case .outputNotADirectory(let path):
            "the output path '\(path)' exists and is not a directory: remove it or choose another --output"
        case .fileSystem(let path, let reason):
            "cannot write '\(path)': \(reason)"
        case .unsafeOutputPath(let path):
            "refusing to write '\(path)': it would leave the output folder (a `.`, `..` or empty path segment)"
        }
    }
}
