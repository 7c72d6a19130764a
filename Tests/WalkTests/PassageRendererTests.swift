import HowTo
import Markdown
import Testing
@testable import Walk

@Suite struct PassageRendererTests {
    private let prose: [Passage] = [
        .heading(level: 2, text: "Store a secret"),
        .paragraph([.init("Store a secret named "), .init("password", style: .code), .init(", holding one key, and read it back with the CLI later on.")]),
        .callout(kind: "warning", [.paragraph([.init("Use a dev server only to try things out.")])]),
        .list(ordered: true, start: 1, items: [[.paragraph([.init("first item that is long enough to wrap around the narrow terminal")])], [.paragraph([.init("second")])]]),
    ]

    @Test func wrapsProseToTheWidthWithoutColour() {
        let lines = PassageRenderer(style: TerminalStyle(colour: false, width: 30)).render(prose)
        #expect(lines.allSatisfy { $0.count <= 30 }, "\(lines)")
        #expect(!lines.joined().contains("\u{1B}"))
        #expect(lines.contains { $0.contains("`password`,") }, "code keeps its backticks without colour, punctuation stays glued")
        #expect(lines.contains("┃ ⚠ Warning"))
        #expect(lines.contains { $0.hasPrefix("1. first item") })
        #expect(lines.contains { $0.hasPrefix("   ") && !$0.hasPrefix("    ") }, "list items hang-indent their continuation")
    }

    @Test func coloursCodeAndShellWhenAsked() {
        let renderer = PassageRenderer(style: TerminalStyle(colour: true, width: 80))
        let code = renderer.code("export VAULT_ADDR=http://127.0.0.1:8200\nvault status # check\n", language: "sh")
        #expect(code.count == 2)
        #expect(code[1].contains("\u{1B}[1;33mvault\u{1B}[0m"), "the command word is highlighted: \(code[1])")
        #expect(code[1].contains("\u{1B}[2m# check\u{1B}[0m"), "comments are dim")
        let plain = PassageRenderer(style: TerminalStyle(colour: false, width: 80)).code("vault status\n", language: "sh")
        #expect(plain == ["  │ vault status"])
    }

    @Test func cutsLongCodeLinesWithAContinuationMark() {
        let lines = PassageRenderer(style: TerminalStyle(colour: false, width: 24)).code(String(repeating: "x", count: 50) + "\n", language: "sh")
        #expect(lines.count == 3, "20 columns of code per line: \(lines)")
        #expect(lines.allSatisfy { $0.count <= 24 })
        #expect(lines[1].hasPrefix("↪ │ "))
    }

    @Test func stacksTablesTooWideForTheTerminal() {
        let table = Passage.table(header: ["Setting", "What it does"], rows: [["role_type", "the role accepts a token directly with no redirect"]])
        let narrow = PassageRenderer(style: TerminalStyle(colour: false, width: 30)).render([table])
        #expect(narrow.first == "Setting: role_type")
        #expect(narrow.allSatisfy { $0.count <= 30 })
        let wide = PassageRenderer(style: TerminalStyle(colour: false, width: 100)).render([table])
        #expect(wide.first?.hasPrefix("Setting    What it does") == true)
    }
}
