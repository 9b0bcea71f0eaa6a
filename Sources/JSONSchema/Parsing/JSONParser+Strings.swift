/// String literals: the unescaped fast path, escapes and UTF-16 surrogate pairs.
extension JSONParser {
    mutating func parseString() throws(JSONParseError) -> String {
        offset += 1
        let start = offset
        // Fast path: no escapes, the bytes are the string.
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let string = String(decoding: bytes[start..<offset], as: UTF8.self)
                offset += 1
                return string
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 {
                throw error(.controlCharacterInString(found: TextPosition.describeCharacter(in: bytes, at: offset)), at: offset)
            }
            offset += 1
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: String(decoding: bytes[start..<offset], as: UTF8.self).unicodeScalars)
        var segmentStart = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                scalars.append(contentsOf: String(decoding: bytes[segmentStart..<offset], as: UTF8.self).unicodeScalars)
                offset += 1
                return String(scalars)
            }
            if byte < 0x20 {
                throw error(.controlCharacterInString(found: TextPosition.describeCharacter(in: bytes, at: offset)), at: offset)
            }
            if byte == UInt8(ascii: "\\") {
                scalars.append(contentsOf: String(decoding: bytes[segmentStart..<offset], as: UTF8.self).unicodeScalars)
                scalars.append(try parseEscape())
                segmentStart = offset
                continue
            }
            offset += 1
        }
        throw error(.unexpectedEndOfInput(expected: "'\"' closing the string"), at: offset)
    }

    /// Parses the escape at `offset` (pointing at the backslash) and moves past it.
    private mutating func parseEscape() throws(JSONParseError) -> Unicode.Scalar {
        let escapeStart = offset
        offset += 1
        guard offset < bytes.count else {
            throw error(.unexpectedEndOfInput(expected: "an escape character"), at: offset)
        }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try parseHexUnit(escapeStart: escapeStart)
            if (0xDC00...0xDFFF).contains(unit) {
                throw error(.loneSurrogate(escapeText(from: escapeStart)), at: escapeStart)
            }
            if (0xD800...0xDBFF).contains(unit) {
                let lowStart = offset
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw error(.loneSurrogate(escapeText(from: escapeStart)), at: escapeStart)
                }
                offset += 2
                let low = try parseHexUnit(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error(.loneSurrogate(escapeText(from: escapeStart)), at: escapeStart)
                }
                let combined = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                return Unicode.Scalar(combined)!
            }
            return Unicode.Scalar(unit)!
        default:
            offset = escapeStart
            throw error(.invalidEscape(escapeText(from: escapeStart, length: 2)), at: escapeStart)
        }
    }

    private mutating func parseHexUnit(escapeStart: Int) throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard offset < bytes.count, let digit = hexValue(bytes[offset]) else {
                throw error(.invalidEscape(escapeText(from: escapeStart)), at: escapeStart)
            }
            value = value << 4 | UInt16(digit)
            offset += 1
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private func escapeText(from start: Int, length: Int = 6) -> String {
        String(decoding: bytes[start..<min(start + length, bytes.count)], as: UTF8.self)
    }
}
