/// Colours shell code for the terminal: command words, options, strings, variables, comments, operators.
///
/// Hand-written: a highlighter only needs the lexical shape of a line, and no maintained Swift library
/// highlights shell. Heredoc bodies and multi-line strings are coloured line by line, which is good enough
/// for reading.
struct ShellHighlighter {
    let style: TerminalStyle

    /// One line of shell, painted.
    func highlight(_ line: String) -> String {
        guard style.colour else { return line }
        var out = ""
        var word = ""
        var commandNext = true
        let chars = Array(line)
        var i = 0
        func flushWord() {
            guard !word.isEmpty else { return }
            if commandNext, !word.contains("=") {
                out += style.paint(word, .bold, .yellow)
                commandNext = false
            } else if word.hasPrefix("-") {
                out += style.paint(word, .blue)
            } else {
                out += word
            }
            word = ""
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "#" where word.isEmpty:
                flushWord()
                out += style.paint(String(chars[i...]), .dim)
                return out
            case "'", "\"":
                var j = i + 1
                while j < chars.count, chars[j] != c { j += chars[j] == "\\" && c == "\"" ? 2 : 1 }
                let end = min(j, chars.count - 1)
                flushWord()
                out += style.paint(String(chars[i...end]), .green)
                commandNext = false
                i = end + 1
                continue
            case "$":
                var j = i + 1
                if j < chars.count, chars[j] == "{" {
                    while j < chars.count, chars[j] != "}" { j += 1 }
                    j = min(j + 1, chars.count)
                } else {
                    while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                }
                flushWord()
                out += style.paint(String(chars[i..<max(j, i + 1)]), .cyan)
                i = max(j, i + 1)
                continue
            case "|", "&", ";", ">", "<":
                flushWord()
                out += style.paint(String(c), .magenta)
                if c != ">" && c != "<" { commandNext = true }
            case " ", "\t":
                flushWord()
                out.append(c)
            default:
                word.append(c)
            }
            i += 1
        }
        flushWord()
        return out
    }
}
