/// Minimal UTF-8 stepping over the bytes of a valid Swift string (globs and Markdown scan bytes).
package enum UTF8Scalars {
    package static func length(leading byte: UInt8) -> Int {
        if byte < 0x80 { return 1 }
        if byte >= 0xF0 { return 4 }
        if byte >= 0xE0 { return 3 }
        if byte >= 0xC0 { return 2 }
        return 1
    }

    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int, _ end: Int) -> (UInt32, Int) {
        let lead = bytes[position]
        let length = min(length(leading: lead), end - position)
        if length == 1 { return (UInt32(lead), 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            value = (value << 6) | (UInt32(bytes[position + offset]) & 0x3F)
        }
        return (value, length)
    }
}

/// Unicode punctuation and symbols, as CommonMark and POSIX `[:punct:]` classes count them.
extension Unicode.GeneralCategory {
    package var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default:
            false
        }
    }
}
