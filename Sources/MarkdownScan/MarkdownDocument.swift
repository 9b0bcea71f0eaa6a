/// A scanned Markdown file: its links, headings, anchors, fenced code blocks and frontmatter,
/// each with a 1-based line and column. Code (fenced, indented, inline spans), frontmatter and
/// HTML comments are skipped, so nothing inside them counts as a link or heading.
///
///     let document = MarkdownDocument(text)
///     for link in document.links where link.destination?.hasSuffix(".md") == true { … }
///     document.anchors().map(\.name)   // ["intro", "intro-1", "custom-anchor"]
package struct MarkdownDocument: Sendable {
    package let text: String
    /// Every link-like reference, in document order.
    package let links: [MarkdownLink]
    package let headings: [MarkdownHeading]
    /// `<a name="…">` and `id="…"` anchors, in document order.
    package let htmlAnchors: [MarkdownAnchor]
    package let fencedCodeBlocks: [FencedCodeBlock]
    package let frontmatter: Frontmatter?

    let source: MarkdownLines

    package init(_ text: String) {
        let source = MarkdownLines(text)
        var blockScanner = MarkdownBlockScanner(source)
        let blocks = blockScanner.scan()
        var definitions: [String: MarkdownBlocks.Definition] = [:]
        for definition in blocks.definitions where definitions[definition.label] == nil {
            definitions[definition.label] = definition
        }
        let index = InlineIndex(bytes: source.bytes, regions: blocks.inlineRegions)
        let parser = InlineLinkParser(bytes: source.bytes, definedLabels: Set(definitions.keys), index: index)
        var inline = MarkdownInlineScanner(source: source, definitions: definitions, parser: parser)
        for region in blocks.inlineRegions { inline.scanMarkdown(region) }
        for region in blocks.htmlRegions { inline.scanHTML(region) }
        var links = inline.links
        for definition in blocks.definitions {
            links.append(MarkdownLink(
                kind: .referenceDefinition, destination: source.string(definition.destination), label: definition.label,
                title: definition.title, text: nil, position: source.position(of: definition.start), range: definition.range,
                textRange: nil, destinationRange: definition.destination, destinationStyle: definition.style))
        }
        let plainText = MarkdownPlainText(bytes: source.bytes, parser: parser)
        self.text = text
        self.source = source
        self.links = links.sorted { $0.range.lowerBound < $1.range.lowerBound }
        headings = blocks.headings.map { heading in
            MarkdownHeading(level: heading.level, text: plainText.render(heading.content), source: source.string(heading.content),
                            position: source.position(of: heading.start))
        }
        htmlAnchors = inline.anchors.sorted { $0.position < $1.position }
        fencedCodeBlocks = blocks.fencedBlocks
        frontmatter = blocks.frontmatter
    }

    /// Every fragment a link into this document can target: heading anchors as GitHub makes them
    /// (duplicates suffixed `-1`, `-2`, …) and HTML anchors, in document order.
    package func anchors() -> [MarkdownAnchor] {
        var slugger = HeadingSlugger()
        let fromHeadings = headings.map { heading in
            MarkdownAnchor(name: slugger.slug(heading.text), origin: .heading, position: heading.position)
        }
        return (fromHeadings + htmlAnchors).sorted { $0.position < $1.position }
    }

    /// The line and column of a UTF-8 byte offset into `text`.
    package func position(ofByte offset: Int) -> MarkdownPosition {
        source.position(of: offset)
    }
}
