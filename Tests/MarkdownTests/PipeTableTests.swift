@testable import Markdown
import Testing

@Suite struct PipeTableTests {
    private func lines(_ text: String) -> [ArraySlice<UInt8>] { text.split(separator: "\n").map { Array($0.utf8)[...] } }

    @Test func parsesAlignmentsAndPadsRows() throws {
        let table = try #require(PipeTable.parse(lines("| a | b | c | d |\n|---|:--|:-:|--:|\n| 1 | 2 |\n| 1 | 2 | 3 | 4 | 5 |")))
        #expect(table.header == ["a", "b", "c", "d"])
        #expect(table.alignments == [.none, .left, .center, .right])
        #expect(table.rows == [["1", "2", "", ""], ["1", "2", "3", "4"]])
    }

    @Test func unescapesPipesAndAcceptsRowsWithoutOuterPipes() throws {
        let table = try #require(PipeTable.parse(lines("a | b\n--- | ---\n`x\\|y` | z")))
        #expect(table.rows == [["`x|y`", "z"]])
    }

    @Test func rejectsNonTables() {
        #expect(PipeTable.parse(lines("a | b\n---")) == nil)
        #expect(PipeTable.parse(lines("| a | b |\n|---|")) == nil)
        #expect(PipeTable.parse(lines("just | text\nmore | text")) == nil)
    }
}
