/// The line-level recognisers of `MarkdownBlockScanner`: each answers whether a block of its
/// kind starts at a position on one line.
extension MarkdownBlockScanner {
    func run(of byte: UInt8, from start: Int, end: Int) -> Int {
        var position = start
        while position < end, bytes[position] == byte { position += 1 }
        return position - start
    }

    func contains(_ needle: [UInt8], in range: Range<Int>) -> Bool {
        guard range.count >= needle.count else { return false }
        for start in range.lowerBound...(range.upperBound - needle.count) where bytes[start..<start + needle.count].elementsEqual(needle) {
            return true
        }
        return false
    }

    func openingFence(at position: Int, end: Int) -> (length: Int, info: String)? {
        let marker = bytes[position]
        let length = run(of: marker, from: position, end: end)
        guard length >= 3 else { return nil }
        let infoRange = (position + length)..<end
        if marker == UInt8(ascii: "`"), bytes[infoRange].contains(marker) { return nil }
        let info = source.string(infoRange).trimmingMarkdownSpaces()
        return (length, info)
    }

    func isClosingFence(_ fence: OpenFence, at position: Int, indent: Int, line: MarkdownLines.Line) -> Bool {
        guard indent <= 3 + (listContentIndents.last ?? 0), position < line.contentEnd else { return false }
        let length = run(of: fence.marker, from: position, end: line.contentEnd)
        guard length >= fence.length else { return false }
        return bytes[(position + length)..<line.contentEnd].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    func atxHeading(at position: Int, end: Int) -> (level: Int, content: Range<Int>)? {
        let level = run(of: UInt8(ascii: "#"), from: position, end: end)
        guard (1...6).contains(level) else { return nil }
        var start = position + level
        guard start == end || bytes[start] == 0x20 || bytes[start] == 0x09 else { return nil }
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        var stop = end
        while stop > start, bytes[stop - 1] == 0x20 || bytes[stop - 1] == 0x09 { stop -= 1 }
        // An optional closing run of `#`, preceded by a space (or making up the whole content).
        var closing = stop
        while closing > start, bytes[closing - 1] == UInt8(ascii: "#") { closing -= 1 }
        if closing < stop, closing == start || bytes[closing - 1] == 0x20 || bytes[closing - 1] == 0x09 {
            stop = closing
            while stop > start, bytes[stop - 1] == 0x20 || bytes[stop - 1] == 0x09 { stop -= 1 }
        }
        return (level, start..<stop)
    }

    func isSetextUnderline(at position: Int, end: Int) -> Bool {
        let length = run(of: bytes[position], from: position, end: end)
        return bytes[(position + length)..<end].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    func isThematicBreak(at position: Int, end: Int) -> Bool {
        let marker = bytes[position]
        guard marker == UInt8(ascii: "*") || marker == UInt8(ascii: "-") || marker == UInt8(ascii: "_") else { return false }
        var count = 0
        for byte in bytes[position..<end] {
            if byte == marker { count += 1 } else if byte != 0x20 && byte != 0x09 { return false }
        }
        return count >= 3
    }

    /// For a list item marker (`-`, `*`, `+`, `1.`, `1)`), the column where its content starts.
    func listItemContentIndent(at position: Int, indent: Int, end: Int) -> (columns: Int, position: Int)? {
        var markerEnd = position
        let byte = bytes[position]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
            markerEnd += 1
        } else {
            while markerEnd < end, markerEnd - position < 9, bytes[markerEnd].isMarkdownDigit { markerEnd += 1 }
            guard markerEnd > position, markerEnd < end,
                  bytes[markerEnd] == UInt8(ascii: ".") || bytes[markerEnd] == UInt8(ascii: ")") else { return nil }
            markerEnd += 1
        }
        let base = indent + (markerEnd - position)
        if markerEnd == end { return (base + 1, end) }
        guard bytes[markerEnd] == 0x20 || bytes[markerEnd] == 0x09 else { return nil }
        let spacing = indentation(from: markerEnd, to: end, startColumn: base)
        if spacing.position == end || spacing.columns > 4 { return (base + 1, min(markerEnd + 1, end)) }
        return (base + spacing.columns, spacing.position)
    }

    func htmlBlockStart(at position: Int, end: Int) -> HTMLBlockKind? {
        let rest = bytes[position..<end]
        if rest.starts(with: Array("<!--".utf8)) { return .comment }
        var nameStart = position + 1
        if nameStart < end, bytes[nameStart] == UInt8(ascii: "/") { nameStart += 1 }
        var nameEnd = nameStart
        while nameEnd < end, bytes[nameEnd].isMarkdownLetter || bytes[nameEnd].isMarkdownDigit { nameEnd += 1 }
        guard nameEnd > nameStart, nameEnd == end || [0x20, 0x09, UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[nameEnd]) else {
            return nil
        }
        let name = source.string(nameStart..<nameEnd).lowercased()
        return Self.blockTags.contains(name) ? .untilBlankLine : nil
    }

    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "col", "colgroup", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "picture",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]

    /// `[label]: destination "optional title"` on one line.
    func referenceDefinition(at position: Int, line: MarkdownLines.Line) -> MarkdownBlocks.Definition? {
        let end = line.contentEnd
        var cursor = position + 1
        while cursor < end, bytes[cursor] != UInt8(ascii: "]") {
            if bytes[cursor] == UInt8(ascii: "\\") { cursor += 1 } else if bytes[cursor] == UInt8(ascii: "[") { return nil }
            cursor += 1
        }
        guard cursor < end, cursor + 1 < end, bytes[cursor + 1] == UInt8(ascii: ":") else { return nil }
        let labelRange = (position + 1)..<cursor
        let label = MarkdownLabel.normalize(source.string(labelRange))
        guard !label.isEmpty, !label.hasPrefix("^") else { return nil }
        var scanner = InlineCursor(bytes: bytes, position: cursor + 2, end: end)
        scanner.skipSpaces()
        guard let destination = scanner.linkDestination(), destination.style == .angleBrackets || !destination.range.isEmpty else {
            return nil
        }
        let afterDestination = scanner.position
        scanner.skipSpaces()
        var title: String?
        if scanner.position < end {
            guard scanner.position > afterDestination, let parsedTitle = scanner.linkTitle() else { return nil }
            title = parsedTitle
            scanner.skipSpaces()
            guard scanner.position == end else { return nil }
        }
        return MarkdownBlocks.Definition(label: label, destination: destination.range, style: destination.style, title: title, range: line.start..<line.end, start: position)
    }
}
