import Foundation

/// An ECMA-262 regular expression (the dialect JSON Schema uses) compiled for
/// `NSRegularExpression` (ICU). Matching is unanchored, as in JavaScript's `RegExp.test`.
///
/// Translation to ICU syntax:
/// - `\d`, `\w`, `\s` and their negations get their ECMA meanings (ASCII digits and word
///   characters; ECMA white space and line terminators), also inside character classes.
/// - `$` means end of input (ICU would also match before a final newline).
/// - `[^]` matches any character, `[]` matches nothing; `[` and `&` inside a class are literal.
/// - `\u{XXXX}` becomes `\x{XXXX}`.
/// Known gaps: `\D`, `\W`, `\S` inside a class are left to ICU (Unicode-aware); lookbehind,
/// named groups and `\p{…}` follow ICU's rules; flags are not supported (JSON Schema has none).
final class RegexPattern: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as safe to share between threads.
    let source: String
    private let expression: NSRegularExpression

    init(ecmaScript source: String) throws(RegexTranslationError) {
        self.source = source
        do {
            expression = try NSRegularExpression(pattern: Self.translate(source), options: [])
        } catch {
            throw RegexTranslationError(pattern: source, reason: "\(error)")
        }
    }

    /// Longest one match may run: a schema's pattern is configuration, and a backtracking engine
    /// can take exponential time on a pattern like `(x+x+)+y`.
    static let timeBudget = 1.0

    /// Whether the pattern matches, found within `timeBudget`; a search stopped by the budget
    /// counts as no match (the value is then reported as not matching the pattern).
    func matches(_ string: String) -> Bool {
        let deadline = Date().addingTimeInterval(Self.timeBudget)
        var found = false
        expression.enumerateMatches(in: string, options: [.reportProgress], range: NSRange(location: 0, length: string.utf16.count)) { result, _, stop in
            if result != nil {
                found = true
                stop.pointee = true
            } else if Date() > deadline {
                stop.pointee = true
            }
        }
        return found
    }

    private static let whiteSpaceClassBody = #"\t\n\x{0B}\f\r\x{2028}\x{2029}\x{FEFF}\p{Zs}"#

    /// Rewrites ECMA-262 syntax into equivalent ICU syntax (see the type's documentation).
    static func translate(_ source: String) -> String {
        var output = ""
        var characters = Array(source)[...]
        var inClass = false
        while let character = characters.popFirst() {
            if character == "\\", let escaped = characters.popFirst() {
                output += translateEscape(escaped, inClass: inClass, rest: &characters)
                continue
            }
            if inClass {
                switch character {
                case "]": inClass = false; output.append("]")
                case "[": output += "\\["
                case "&": output += "\\&"
                default: output.append(character)
                }
                continue
            }
            switch character {
            case "[":
                if characters.starts(with: "^]") {
                    characters = characters.dropFirst(2)
                    output += #"[\s\S]"#
                } else if characters.first == "]" {
                    characters = characters.dropFirst()
                    output += "(?!)"
                } else {
                    inClass = true
                    output.append("[")
                    if characters.first == "^" {
                        output.append("^")
                        characters = characters.dropFirst()
                    }
                    // A leading "]" is literal in ICU but ends the class in ECMA; handled by the "[]" case above.
                }
            case "$":
                output += #"\z"#
            default:
                output.append(character)
            }
        }
        return output
    }

    private static func translateEscape(_ escaped: Character, inClass: Bool, rest: inout ArraySlice<Character>) -> String {
        switch escaped {
        case "d": return inClass ? "0-9" : "[0-9]"
        case "D": return inClass ? #"\D"# : "[^0-9]"
        case "w": return inClass ? "A-Za-z0-9_" : "[A-Za-z0-9_]"
        case "W": return inClass ? #"\W"# : "[^A-Za-z0-9_]"
        case "s": return inClass ? whiteSpaceClassBody : "[" + whiteSpaceClassBody + "]"
        case "S": return inClass ? #"\S"# : "[^" + whiteSpaceClassBody + "]"
        case "u" where rest.first == "{":
            guard let close = rest.firstIndex(of: "}") else { return #"\u"# }
            let hex = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
            return #"\x{"# + hex + "}"
        default:
            return "\\" + String(escaped)
        }
    }
}

/// A `pattern` or `patternProperties` regex that ICU rejected after translation.
struct RegexTranslationError: Error, Sendable {
    var pattern: String
    var reason: String
}
