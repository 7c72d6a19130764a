import Diagnostics
import Foundation

/// Finds where a URL is written in a source file, to point link diagnostics at it.
struct SourceLocator: Sendable {
    let path: String
    private let lines: [Substring]

    /// Indexes the lines of `text`, the contents of the file at `path`.
    init(path: String, text: String) {
        self.path = path
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Characters that continue a URL: a match followed by one of them is part of a longer URL.
    private static let urlCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/#?&=%+")

    /// Every place `url` is written as a whole (not as the start of a longer URL); 1-based line and column.
    func locations(of url: String) -> [SourceLocation] {
        guard !url.isEmpty else { return [] }
        var found: [SourceLocation] = []
        for (index, line) in lines.enumerated() where line.contains(url) {
            var searchStart = line.startIndex
            while let range = line[searchStart...].range(of: url) {
                let ends = range.upperBound == line.endIndex || !Self.urlCharacters.contains(line[range.upperBound])
                let starts = range.lowerBound == line.startIndex || !Self.urlCharacters.contains(line[line.index(before: range.lowerBound)])
                if starts && ends {
                    let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
                    found.append(SourceLocation(file: path, line: index + 1, column: column))
                }
                searchStart = range.upperBound
            }
        }
        return found
    }
}
