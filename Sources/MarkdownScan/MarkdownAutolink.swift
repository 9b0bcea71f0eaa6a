/// `<scheme:…>` and `<user@host>` autolinks.
enum MarkdownAutolink {
    /// The range inside the angle brackets when an autolink starts at `start`.
    static func inner(bytes: [UInt8], start: Int, end: Int) -> Range<Int>? {
        var cursor = start + 1
        while cursor < end, bytes[cursor] != UInt8(ascii: ">") {
            if bytes[cursor] <= 0x20 || bytes[cursor] == UInt8(ascii: "<") { return nil }
            cursor += 1
        }
        guard cursor < end else { return nil }
        let inner = (start + 1)..<cursor
        return isURI(bytes[inner]) || isEmail(bytes[inner]) ? inner : nil
    }

    private static func isURI(_ text: ArraySlice<UInt8>) -> Bool {
        guard let colon = text.firstIndex(of: UInt8(ascii: ":")), let first = text.first, first.isMarkdownLetter else { return false }
        let scheme = text[text.startIndex..<colon]
        guard (2...32).contains(scheme.count) else { return false }
        return scheme.allSatisfy { $0.isMarkdownLetter || $0.isMarkdownDigit || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    private static func isEmail(_ text: ArraySlice<UInt8>) -> Bool {
        guard let at = text.firstIndex(of: UInt8(ascii: "@")), at > text.startIndex, at < text.endIndex - 1 else { return false }
        let local = text[text.startIndex..<at]
        let domain = text[(at + 1)...]
        let localOK = local.allSatisfy { $0.isMarkdownLetter || $0.isMarkdownDigit || Array(".!#$%&'*+/=?^_`{|}~-".utf8).contains($0) }
        let domainOK = domain.allSatisfy { $0.isMarkdownLetter || $0.isMarkdownDigit || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
        return localOK && domainOK
    }
}
