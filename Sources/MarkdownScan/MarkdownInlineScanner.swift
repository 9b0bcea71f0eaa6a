/// Finds links, images, autolinks, HTML attributes and HTML anchors in inline Markdown,
/// skipping code spans and escaped characters.
struct MarkdownInlineScanner {
    let source: MarkdownLines
    private let bytes: [UInt8]
    let definitions: [String: MarkdownBlocks.Definition]
    private let parser: InlineLinkParser
    private(set) var links: [MarkdownLink] = []
    private(set) var anchors: [MarkdownAnchor] = []

    init(source: MarkdownLines, definitions: [String: MarkdownBlocks.Definition], parser: InlineLinkParser) {
        self.source = source
        bytes = source.bytes
        self.definitions = definitions
        self.parser = parser
    }


    mutating func scanMarkdown(_ range: Range<Int>) {
        var cursor = range.lowerBound
        let end = range.upperBound
        while cursor < end {
            switch bytes[cursor] {
            case UInt8(ascii: "\\"):
                cursor += cursor + 1 < end && bytes[cursor + 1].isMarkdownPunctuation ? 2 : 1
            case UInt8(ascii: "`"):
                cursor = parser.index.codeSpan(at: cursor, end: end)?.end ?? cursor + parser.index.runLength(at: cursor, end: end)
            case UInt8(ascii: "<"):
                cursor = scanAngleBracket(at: cursor, end: end, allowAutolinks: true) ?? cursor + 1
            case UInt8(ascii: "!") where cursor + 1 < end && bytes[cursor + 1] == UInt8(ascii: "["):
                cursor = scanLink(open: cursor + 1, isImage: true, end: end) ?? cursor + 2
            case UInt8(ascii: "["):
                cursor = scanLink(open: cursor, isImage: false, end: end) ?? cursor + 1
            default:
                cursor += 1
            }
        }
    }

    /// HTML block content: only tags (and comments) mean anything here.
    mutating func scanHTML(_ range: Range<Int>) {
        var cursor = range.lowerBound
        while cursor < range.upperBound {
            if bytes[cursor] == UInt8(ascii: "<") {
                cursor = scanAngleBracket(at: cursor, end: range.upperBound, allowAutolinks: false) ?? cursor + 1
            } else {
                cursor += 1
            }
        }
    }

    private mutating func scanLink(open: Int, isImage: Bool, end: Int) -> Int? {
        guard let parsed = parser.parse(open: open, isImage: isImage, end: end) else { return nil }
        let kind: MarkdownLink.Kind
        var destination: String?
        var title = parsed.title
        switch (parsed.form, parsed.isImage) {
        case (.inline, true): kind = .image
        case (.inline, false): kind = .inline
        case (_, true): kind = .imageReference
        case (_, false): kind = .reference
        }
        if let range = parsed.destinationRange {
            destination = source.string(range)
        } else if let label = parsed.label, let definition = definitions[label] {
            destination = source.string(definition.destination)
            title = definition.title
        }
        links.append(MarkdownLink(
            kind: kind, destination: destination, label: parsed.label, title: title,
            text: source.string(parsed.textRange), position: source.position(of: parsed.range.lowerBound),
            range: parsed.range, textRange: parsed.textRange, destinationRange: parsed.destinationRange,
            destinationStyle: parsed.destinationStyle))
        if !isImage { scanMarkdown(parsed.textRange) }
        return parsed.range.upperBound
    }

    private mutating func scanAngleBracket(at start: Int, end: Int, allowAutolinks: Bool) -> Int? {
        if let commentEnd = parser.index.commentEnd(openingAt: start, end: end) { return commentEnd }
        if allowAutolinks, let inner = MarkdownAutolink.inner(bytes: bytes, start: start, end: end) {
            links.append(MarkdownLink(
                kind: .autolink, destination: source.string(inner), label: nil, title: nil, text: source.string(inner),
                position: source.position(of: start), range: start..<(inner.upperBound + 1), textRange: inner,
                destinationRange: inner, destinationStyle: .angleBrackets))
            return inner.upperBound + 1
        }
        guard let tag = MarkdownHTMLTag(bytes: bytes, start: start, end: end, index: parser.index) else { return nil }
        for attribute in tag.attributes {
            switch attribute.name {
            case "href", "src":
                links.append(MarkdownLink(
                    kind: .htmlAttribute(attribute.name), destination: attribute.value, label: nil, title: nil, text: nil,
                    position: source.position(of: attribute.nameStart), range: tag.range, textRange: nil,
                    destinationRange: attribute.valueRange, destinationStyle: attribute.quote.map { .quoted($0) } ?? .bare))
            case "id":
                anchors.append(MarkdownAnchor(name: attribute.value, origin: .html, position: source.position(of: attribute.nameStart)))
            case "name" where tag.name == "a":
                anchors.append(MarkdownAnchor(name: attribute.value, origin: .html, position: source.position(of: attribute.nameStart)))
            default:
                break
            }
        }
        return tag.range.upperBound
    }
}
