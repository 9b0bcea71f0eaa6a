/// A position in the UTF-8 bytes with the small parsers shared by inline links and reference
/// definitions: link destinations and link titles.
struct InlineCursor {
    let bytes: [UInt8]
    var position: Int
    let end: Int

    var isAtEnd: Bool { position >= end }

    func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < end ? bytes[position + offset] : nil
    }

    mutating func skipSpaces() {
        while position < end, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
    }

    /// Spaces, tabs and at most one line ending.
    mutating func skipWhitespaceWithOneLineEnding() {
        skipSpaces()
        if peek() == 0x0D { position += 1 }
        if peek() == 0x0A { position += 1 }
        skipSpaces()
    }

    /// `<destination>` (no line endings) or a bare destination with balanced parentheses.
    mutating func linkDestination() -> (range: Range<Int>, style: DestinationStyle)? {
        if peek() == UInt8(ascii: "<") {
            var cursor = position + 1
            while cursor < end {
                switch bytes[cursor] {
                case UInt8(ascii: "\\"): cursor += 2; continue
                case UInt8(ascii: ">"):
                    let range = (position + 1)..<cursor
                    position = cursor + 1
                    return (range, .angleBrackets)
                case UInt8(ascii: "<"), 0x0A, 0x0D: return nil
                default: cursor += 1
                }
            }
            return nil
        }
        var depth = 0
        var cursor = position
        while cursor < end {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\\"), cursor + 1 < end, bytes[cursor + 1].isMarkdownPunctuation {
                cursor += 2
                continue
            }
            if byte <= 0x20 || byte == 0x7F { break }
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") {
                if depth == 0 { break }
                depth -= 1
            }
            cursor += 1
        }
        guard depth == 0 else { return nil }
        let range = position..<cursor
        position = cursor
        return (range, .bare)
    }

    /// `"title"`, `'title'` or `(title)`; returns the raw title text.
    mutating func linkTitle() -> String? {
        guard let open = peek(), open == UInt8(ascii: "\"") || open == UInt8(ascii: "'") || open == UInt8(ascii: "(") else {
            return nil
        }
        let close = open == UInt8(ascii: "(") ? UInt8(ascii: ")") : open
        var cursor = position + 1
        while cursor < end {
            if bytes[cursor] == UInt8(ascii: "\\") {
                cursor += 2
                continue
            }
            if bytes[cursor] == close {
                let title = String(decoding: bytes[(position + 1)..<cursor], as: UTF8.self)
                position = cursor + 1
                return title
            }
            if open == UInt8(ascii: "("), bytes[cursor] == open { return nil }
            cursor += 1
        }
        return nil
    }
}
