/// Decodes the character references GitHub renders in heading text: numeric (`&#32;`,
/// `&#x20;`) and the named entities that appear in documentation. Unknown names stay as written.
enum MarkdownHTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "copy": "©", "reg": "®",
        "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“",
        "rdquo": "”", "laquo": "«", "raquo": "»", "times": "×", "divide": "÷", "middot": "·", "bull": "•",
        "deg": "°", "plusmn": "±", "para": "¶", "sect": "§", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔", "hearts": "♥", "star": "☆",
        "check": "✓", "emsp": "\u{2003}", "ensp": "\u{2002}", "thinsp": "\u{2009}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
        "shy": "\u{AD}", "iexcl": "¡", "iquest": "¿", "acute": "´", "uml": "¨", "micro": "µ", "not": "¬",
        "ast": "*", "num": "#", "lpar": "(", "rpar": ")", "colon": ":", "excl": "!", "quest": "?", "lowbar": "_",
        "grave": "`", "lsqb": "[", "rsqb": "]", "lbrace": "{", "rbrace": "}", "vert": "|", "Tab": "\t",
    ]

    /// When an entity starts at `start` (an `&`): its text and the index after the `;`.
    static func decode(bytes: [UInt8], start: Int, end: Int) -> (String, Int)? {
        var cursor = start + 1
        guard cursor < end else { return nil }
        if bytes[cursor] == UInt8(ascii: "#") {
            cursor += 1
            var isHex = false
            if cursor < end, bytes[cursor] == UInt8(ascii: "x") || bytes[cursor] == UInt8(ascii: "X") {
                isHex = true
                cursor += 1
            }
            let digitsStart = cursor
            var value: UInt32 = 0
            while cursor < end, cursor - digitsStart < (isHex ? 6 : 7), let digit = digitValue(bytes[cursor], hex: isHex) {
                value = value * (isHex ? 16 : 10) + digit
                cursor += 1
            }
            guard cursor > digitsStart, cursor < end, bytes[cursor] == UInt8(ascii: ";") else { return nil }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (String(scalar ?? "\u{FFFD}"), cursor + 1)
        }
        let nameStart = cursor
        while cursor < end, cursor - nameStart < 32, bytes[cursor].isMarkdownLetter || bytes[cursor].isMarkdownDigit { cursor += 1 }
        guard cursor > nameStart, cursor < end, bytes[cursor] == UInt8(ascii: ";"),
              let text = named[String(decoding: bytes[nameStart..<cursor], as: UTF8.self)] else { return nil }
        return (text, cursor + 1)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        if byte.isMarkdownDigit { return UInt32(byte - 0x30) }
        guard hex else { return nil }
        if (0x61...0x66).contains(byte) { return UInt32(byte - 0x61 + 10) }
        if (0x41...0x46).contains(byte) { return UInt32(byte - 0x41 + 10) }
        return nil
    }
}
