/// Scans lines into `MarkdownBlocks`, one line at a time, tracking open fences, HTML blocks,
/// the paragraph being collected and the list items that shift code indentation.
struct MarkdownBlockScanner {
    let source: MarkdownLines
    let bytes: [UInt8]
    private var blocks = MarkdownBlocks()
    private var paragraph: [Range<Int>] = []
    var listContentIndents: [Int] = []
    private var openFence: OpenFence?
    private var openHTML: HTMLBlockKind?

    enum HTMLBlockKind { case comment, untilBlankLine }

    /// A fenced code block whose closing fence has not been seen yet.
    struct OpenFence {
        let marker: UInt8
        let length: Int
        let indent: Int
        let info: String
        /// 0-based line of the opening fence.
        let line: Int
        /// Content lines so far, with blockquote markers and the fence's indentation removed.
        var content: [UInt8] = []
    }

    init(_ source: MarkdownLines) {
        self.source = source
        bytes = source.bytes
    }

    mutating func scan() -> MarkdownBlocks {
        var first = 0
        if let frontmatter = scanFrontmatter() {
            blocks.frontmatter = frontmatter
            first = frontmatter.lines.upperBound
        }
        for index in source.lines.indices.dropFirst(first) {
            scanLine(index)
        }
        flushParagraph()
        if let fence = openFence {
            blocks.fencedBlocks.append(FencedCodeBlock(infoString: fence.info, content: String(decoding: fence.content, as: UTF8.self),
                                                       startLine: fence.line + 1, endLine: nil))
        }
        return blocks
    }

    private func scanFrontmatter() -> Frontmatter? {
        guard let first = source.lines.first, trimmedContent(first).elementsEqual("---".utf8) else { return nil }
        for index in source.lines.indices.dropFirst() {
            let line = source.lines[index]
            let content = trimmedContent(line)
            if content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8) {
                let yaml = source.string(first.end..<line.start)
                return Frontmatter(content: yaml, lines: 1...(index + 1), range: 0..<line.end)
            }
        }
        return nil
    }

    func trimmedContent(_ line: MarkdownLines.Line) -> ArraySlice<UInt8> {
        var end = line.contentEnd
        while end > line.start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return bytes[line.start..<end]
    }

    /// Columns of indentation (tabs to the next multiple of 4) and the first non-blank byte.
    func indentation(from start: Int, to end: Int, startColumn: Int = 0) -> (columns: Int, position: Int) {
        var column = startColumn
        var position = start
        while position < end {
            if bytes[position] == 0x20 {
                column += 1
            } else if bytes[position] == 0x09 {
                column += 4 - column % 4
            } else {
                break
            }
            position += 1
        }
        return (column - startColumn, position)
    }

    private mutating func scanLine(_ index: Int) {
        let line = source.lines[index]
        var (indent, position) = indentation(from: line.start, to: line.contentEnd)
        // Step over blockquote markers.
        var quoteEnd = line.start
        while indent <= 3, position < line.contentEnd, bytes[position] == UInt8(ascii: ">") {
            position += 1
            if position < line.contentEnd, bytes[position] == 0x20 { position += 1 }
            quoteEnd = position
            (indent, position) = indentation(from: position, to: line.contentEnd)
        }
        if var fence = openFence {
            if isClosingFence(fence, at: position, indent: indent, line: line) {
                blocks.fencedBlocks.append(FencedCodeBlock(infoString: fence.info, content: String(decoding: fence.content, as: UTF8.self),
                                                           startLine: fence.line + 1, endLine: index + 1))
                openFence = nil
            } else {
                var contentStart = quoteEnd
                while contentStart < line.contentEnd, contentStart - quoteEnd < fence.indent, bytes[contentStart] == 0x20 { contentStart += 1 }
                fence.content += bytes[contentStart..<line.end]
                openFence = fence
            }
            return
        }
        if let html = openHTML {
            switch html {
            case .comment:
                if contains(Array("-->".utf8), in: line.start..<line.contentEnd) { openHTML = nil }
            case .untilBlankLine:
                if position == line.contentEnd { openHTML = nil } else { blocks.htmlRegions.append(line.start..<line.contentEnd) }
            }
            return
        }
        if position == line.contentEnd {
            flushParagraph()
            return
        }
        while let top = listContentIndents.last, indent < top {
            listContentIndents.removeLast()
        }
        let base = listContentIndents.last ?? 0
        if indent - base >= 4 {
            if paragraph.isEmpty { return }  // indented code
            paragraph.append(position..<line.contentEnd)
            return
        }
        scanBlockStart(at: position, indent: indent, line: line, index: index)
    }

    private mutating func scanBlockStart(at position: Int, indent: Int, line: MarkdownLines.Line, index: Int) {
        let end = line.contentEnd
        let byte = bytes[position]
        if byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~"), let fence = openingFence(at: position, end: end) {
            flushParagraph()
            openFence = OpenFence(marker: byte, length: fence.length, indent: indent, info: fence.info, line: index)
            return
        }
        if byte == UInt8(ascii: "#"), let heading = atxHeading(at: position, end: end) {
            flushParagraph()
            blocks.headings.append(MarkdownBlocks.Heading(level: heading.level, content: heading.content, start: position))
            blocks.inlineRegions.append(heading.content)
            return
        }
        if !paragraph.isEmpty, byte == UInt8(ascii: "=") || byte == UInt8(ascii: "-"), isSetextUnderline(at: position, end: end) {
            let content = paragraph.first!.lowerBound..<paragraph.last!.upperBound
            paragraph = []
            blocks.headings.append(MarkdownBlocks.Heading(level: byte == UInt8(ascii: "=") ? 1 : 2, content: content, start: content.lowerBound))
            blocks.inlineRegions.append(content)
            return
        }
        if isThematicBreak(at: position, end: end) {
            flushParagraph()
            return
        }
        if let contentIndent = listItemContentIndent(at: position, indent: indent, end: end) {
            flushParagraph()
            listContentIndents.append(contentIndent.columns)
            if contentIndent.position < end {
                scanBlockStart(at: contentIndent.position, indent: contentIndent.columns, line: line, index: index)
            }
            return
        }
        if byte == UInt8(ascii: "<"), let kind = htmlBlockStart(at: position, end: end) {
            flushParagraph()
            switch kind {
            case .comment:
                let rest = position..<end
                if !contains(Array("-->".utf8), in: rest) { openHTML = .comment }
            case .untilBlankLine:
                blocks.htmlRegions.append(position..<end)
                openHTML = .untilBlankLine
            }
            return
        }
        if paragraph.isEmpty, byte == UInt8(ascii: "["), let definition = referenceDefinition(at: position, line: line) {
            blocks.definitions.append(definition)
            return
        }
        paragraph.append(position..<end)
    }

    private mutating func flushParagraph() {
        guard let first = paragraph.first, let last = paragraph.last else { return }
        blocks.inlineRegions.append(first.lowerBound..<last.upperBound)
        paragraph = []
    }
}
