/// Why a JSON text was rejected, and where (1-based line and column, counted in Unicode scalars).
package struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Reason: Sendable, Equatable {
        /// Something else was required here; `expected` reads like "',' or '}'".
        case unexpectedCharacter(expected: String, found: String)
        case unexpectedEndOfInput(expected: String)
        case controlCharacterInString(found: String)
        case invalidEscape(String)
        case loneSurrogate(String)
        case duplicateKey(String)
        case exponentOutOfRange
        case nestingTooDeep(limit: Int)
        case invalidUTF8
    }

    package let reason: Reason
    package let line: Int
    package let column: Int
    /// File name or other label of the parsed text, when the caller gave one.
    package let sourceName: String?

    package var description: String {
        let place = "at line \(line), column \(column)"
        let prefix = sourceName.map { "\($0): " } ?? ""
        let message: String
        switch reason {
        case .unexpectedCharacter(let expected, let found):
            message = "expected \(expected) \(place), found \(found)"
        case .unexpectedEndOfInput(let expected):
            message = "expected \(expected) \(place), found the end of the input (is the document truncated?)"
        case .controlCharacterInString(let found):
            message = "unescaped control character \(found) in string \(place); write it as a \\u escape"
        case .invalidEscape(let escape):
            message = "invalid escape sequence '\(escape)' \(place); valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"
        case .loneSurrogate(let escape):
            message = "unpaired UTF-16 surrogate '\(escape)' \(place); a high surrogate must be followed by a low one"
        case .duplicateKey(let key):
            message = "duplicate object key \"\(key)\" \(place); each key may appear once per object"
        case .exponentOutOfRange:
            message = "number exponent out of range \(place)"
        case .nestingTooDeep(let limit):
            message = "arrays and objects nested deeper than \(limit) levels \(place)"
        case .invalidUTF8:
            message = "invalid UTF-8 byte sequence \(place)"
        }
        return prefix + message
    }
}
