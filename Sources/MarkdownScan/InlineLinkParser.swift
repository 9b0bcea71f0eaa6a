/// A link or image recognised at a `[` (or `![`), before it is turned into a `MarkdownLink`.
struct ParsedLink {
    enum Form { case inline, full, collapsed, shortcut }

    let isImage: Bool
    let form: Form
    let range: Range<Int>
    let textRange: Range<Int>
    let destinationRange: Range<Int>?
    let destinationStyle: DestinationStyle
    let title: String?
    /// Normalized label for reference forms.
    let label: String?
}

/// Recognises inline links `[text](dest "title")` and the three reference forms
/// `[text][label]`, `[label][]`, `[label]` (the last two only when the label is defined).
struct InlineLinkParser {
    let bytes: [UInt8]
    let definedLabels: Set<String>
    let index: InlineIndex

    /// `open` is the index of `[`; for images the `!` is at `open - 1`.
    func parse(open: Int, isImage: Bool, end: Int) -> ParsedLink? {
        if open + 1 < end, bytes[open + 1] == UInt8(ascii: "^") { return nil }
        guard let close = index.matchingBracket(open: open, end: end) else { return nil }
        let start = isImage ? open - 1 : open
        let textRange = (open + 1)..<close
        if close + 1 < end, bytes[close + 1] == UInt8(ascii: "("), let inline = inlineTail(start: start, textRange: textRange, at: close + 2, end: end, isImage: isImage) {
            return inline
        }
        let text = String(decoding: bytes[textRange], as: UTF8.self)
        if close + 1 < end, bytes[close + 1] == UInt8(ascii: "[") {
            var cursor = close + 2
            while cursor < end, bytes[cursor] != UInt8(ascii: "]"), bytes[cursor] != UInt8(ascii: "[") {
                cursor += bytes[cursor] == UInt8(ascii: "\\") ? 2 : 1
            }
            if cursor < end, bytes[cursor] == UInt8(ascii: "]") {
                let isCollapsed = cursor == close + 2
                let label = MarkdownLabel.normalize(isCollapsed ? text : String(decoding: bytes[(close + 2)..<cursor], as: UTF8.self))
                if !label.isEmpty, !isCollapsed || definedLabels.contains(label) {
                    return ParsedLink(isImage: isImage, form: isCollapsed ? .collapsed : .full, range: start..<(cursor + 1), textRange: textRange,
                                      destinationRange: nil, destinationStyle: .none, title: nil, label: label)
                }
            }
        }
        let label = MarkdownLabel.normalize(text)
        guard !label.isEmpty, definedLabels.contains(label) else { return nil }
        return ParsedLink(isImage: isImage, form: .shortcut, range: start..<(close + 1), textRange: textRange,
                          destinationRange: nil, destinationStyle: .none, title: nil, label: label)
    }

    private func inlineTail(start: Int, textRange: Range<Int>, at position: Int, end: Int, isImage: Bool) -> ParsedLink? {
        var cursor = InlineCursor(bytes: bytes, position: position, end: end)
        cursor.skipWhitespaceWithOneLineEnding()
        var destination: (range: Range<Int>, style: DestinationStyle) = (cursor.position..<cursor.position, .bare)
        var title: String?
        if cursor.peek() != UInt8(ascii: ")") {
            guard let parsed = cursor.linkDestination() else { return nil }
            destination = parsed
            let afterDestination = cursor.position
            cursor.skipWhitespaceWithOneLineEnding()
            if cursor.peek() != UInt8(ascii: ")") {
                guard cursor.position > afterDestination, let parsedTitle = cursor.linkTitle() else { return nil }
                title = parsedTitle
                cursor.skipWhitespaceWithOneLineEnding()
            }
        }
        guard cursor.peek() == UInt8(ascii: ")") else { return nil }
        return ParsedLink(isImage: isImage, form: .inline, range: start..<(cursor.position + 1), textRange: textRange,
                          destinationRange: destination.range, destinationStyle: destination.style, title: title, label: nil)
    }
}
