/// Text for roff's man macros: what must be escaped, and the fonts of a usage line.
///
/// troff reads a backslash as an escape, a line starting with `.` or `'` as a request, `-` as a
/// hyphen (which some formatters print as U+2010, so a copied `--json` would not work), and
/// turns `'` `` ` `` `~` `^` into typographic marks. Text is escaped so a reader can copy what
/// the page shows: every dash is a minus (`\-`) except a hyphen between two letters in prose
/// (`read-only`), and the marks are named as their ASCII characters.
enum Roff {
    /// `text` as prose for a text line (a hyphen between two letters stays a hyphen).
    static func prose(_ text: String) -> String {
        escaped(text, hyphens: true)
    }

    /// `text` as something typed: every dash is a minus.
    static func code(_ text: String) -> String {
        escaped(text, hyphens: false)
    }

    /// `text` in bold, as something typed.
    static func bold(_ text: String) -> String {
        "\\fB" + code(text) + "\\fR"
    }

    /// `text` in italics, as something typed.
    static func italic(_ text: String) -> String {
        "\\fI" + code(text) + "\\fR"
    }

    /// A quoted macro argument (`.SS "Moving (normal mode)"`).
    static func argument(_ text: String) -> String {
        "\"" + prose(text).replacing("\"", with: "\\(dq") + "\""
    }

    /// A usage line in the man page's convention: words to type in bold (`find`, `from`, `-c`),
    /// placeholders in italics (`OFF`, `PATTERN`: every letter upper case), brackets and bars in
    /// the roman font. Inside brackets the spaces do not break, so `[from OFF]` stays whole.
    static func usage(_ text: String) -> String {
        var result = ""
        var word = ""
        var depth = 0
        func flush() {
            guard !word.isEmpty else { return }
            let letters = word.filter(\.isLetter)
            if word.allSatisfy({ $0 == "." }) {
                result += code(word)
            } else if !word.hasPrefix("-"), !letters.isEmpty, letters.allSatisfy(\.isUppercase) {
                result += italic(word)
            } else {
                result += bold(word)
            }
            word = ""
        }
        for character in text {
            switch character {
            case "[", "]", "|", "=", ",", " ":
                flush()
                if character == "[" { depth += 1 }
                if character == "]" { depth -= 1 }
                result += character == " " && depth > 0 ? "\\~" : String(character)
            default:
                word.append(character)
            }
        }
        flush()
        return result
    }

    /// A text line that troff will not read as a request: one that would start with `.` or `'`
    /// gets a zero-width `\&` in front.
    static func line(_ escaped: String) -> String {
        escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }

    private static func escaped(_ text: String, hyphens: Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\": result += "\\e"
            case "-":
                let between =
                    hyphens && index > 0 && index + 1 < scalars.count
                    && scalars[index - 1].properties.isAlphabetic && scalars[index + 1].properties.isAlphabetic
                result += between ? "-" : "\\-"
            case "'": result += "\\(aq"
            case "`": result += "\\(ga"
            case "~": result += "\\(ti"
            case "^": result += "\\(ha"
            default:
                if scalar.isASCII {
                    result.unicodeScalars.append(scalar)
                } else {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
                }
            }
        }
        return result
    }
}
