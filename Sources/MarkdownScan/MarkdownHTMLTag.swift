/// Reads one HTML tag at a `<`: its name and the attributes the link checks care about.
struct MarkdownHTMLTag {
    struct Attribute {
        let name: String
        let value: String
        let valueRange: Range<Int>
        let quote: UInt8?
        let nameStart: Int
    }

    let name: String
    let isClosing: Bool
    let attributes: [Attribute]
    let range: Range<Int>

    /// Parses the tag starting at `start` (a `<`), or nil when the text there is not a tag.
    /// With an `index`, closing quotes are looked up instead of scanned for.
    init?(bytes: [UInt8], start: Int, end: Int, index: InlineIndex? = nil) {
        var cursor = start + 1
        var isClosing = false
        if cursor < end, bytes[cursor] == UInt8(ascii: "/") {
            isClosing = true
            cursor += 1
        }
        let nameStart = cursor
        guard cursor < end, bytes[cursor].isMarkdownLetter else { return nil }
        while cursor < end, bytes[cursor].isMarkdownLetter || bytes[cursor].isMarkdownDigit || bytes[cursor] == UInt8(ascii: "-") {
            cursor += 1
        }
        let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
        var attributes: [Attribute] = []
        while true {
            let beforeSpace = cursor
            while cursor < end, bytes[cursor].isMarkdownSpace { cursor += 1 }
            guard cursor < end else { return nil }
            if bytes[cursor] == UInt8(ascii: ">") {
                cursor += 1
                break
            }
            if bytes[cursor] == UInt8(ascii: "/"), cursor + 1 < end, bytes[cursor + 1] == UInt8(ascii: ">") {
                cursor += 2
                break
            }
            guard !isClosing, cursor > beforeSpace else { return nil }
            let attributeStart = cursor
            while cursor < end, !bytes[cursor].isMarkdownSpace,
                  ![UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "<")].contains(bytes[cursor]) {
                cursor += 1
            }
            guard cursor > attributeStart else { return nil }
            let attributeName = String(decoding: bytes[attributeStart..<cursor], as: UTF8.self).lowercased()
            var probe = cursor
            while probe < end, bytes[probe].isMarkdownSpace { probe += 1 }
            guard probe < end, bytes[probe] == UInt8(ascii: "=") else { continue }
            cursor = probe + 1
            while cursor < end, bytes[cursor].isMarkdownSpace { cursor += 1 }
            guard cursor < end else { return nil }
            let quote = bytes[cursor]
            let valueRange: Range<Int>
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                var close = cursor + 1
                if let index {
                    guard let found = index.nextQuote(quote, from: close, end: end) else { return nil }
                    close = found
                } else {
                    while close < end, bytes[close] != quote { close += 1 }
                    guard close < end else { return nil }
                }
                valueRange = (cursor + 1)..<close
                cursor = close + 1
            } else {
                let valueStart = cursor
                while cursor < end, !bytes[cursor].isMarkdownSpace,
                      ![UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "`")].contains(bytes[cursor]) {
                    cursor += 1
                }
                guard cursor > valueStart else { return nil }
                valueRange = valueStart..<cursor
            }
            let value = String(decoding: bytes[valueRange], as: UTF8.self)
            attributes.append(Attribute(name: attributeName, value: value, valueRange: valueRange,
                                        quote: quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") ? quote : nil,
                                        nameStart: attributeStart))
        }
        self.name = name
        self.isClosing = isClosing
        self.attributes = attributes
        range = start..<cursor
    }
}
