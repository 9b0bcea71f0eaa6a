/// A place in a Markdown file: 1-based line, and 1-based column counted in Unicode scalars.
package struct MarkdownPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let line: Int
    package let column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    package var description: String { "\(line):\(column)" }

    package static func < (lhs: MarkdownPosition, rhs: MarkdownPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A link-like reference found in Markdown text. Ranges are UTF-8 byte offsets into the text.
package struct MarkdownLink: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        /// `[text](destination "title")`
        case inline
        /// `![alt](source "title")`
        case image
        /// `<https://example.com>` or `<someone@example.com>`
        case autolink
        /// `[label]: destination "title"` on its own line.
        case referenceDefinition
        /// `[text][label]`, `[label][]` or `[label]`; the destination comes from the definition.
        case reference
        /// `![alt][label]`
        case imageReference
        /// `href="…"` or `src="…"` inside an HTML tag; the associated value is the attribute name.
        case htmlAttribute(String)
    }

    package let kind: Kind
    /// The destination as written (escapes and entities kept), or for references the one their
    /// definition gives (nil when no definition exists).
    package let destination: String?
    /// The reference label for `.reference`, `.imageReference` and `.referenceDefinition`.
    package let label: String?
    package let title: String?
    /// The link text (image alt text) as written, for kinds that have one.
    package let text: String?
    /// Where the whole link starts.
    package let position: MarkdownPosition

    /// Bytes of the whole construct.
    package let range: Range<Int>
    /// Bytes of the text between the brackets.
    let textRange: Range<Int>?
    /// Bytes of the destination itself (inside `<…>` or quotes when those were used).
    let destinationRange: Range<Int>?
    /// How the destination is delimited, which decides how a rewrite is written.
    let destinationStyle: DestinationStyle

    /// Whether `MarkdownDocument.removingLinks` can replace this link by its text.
    package var isRemovable: Bool {
        switch kind {
        case .inline, .image, .autolink, .referenceDefinition, .reference, .imageReference: true
        case .htmlAttribute(let name): name == "href"
        }
    }

    /// The destination without a `#fragment`, and the fragment alone.
    package var destinationParts: (path: String, fragment: String?)? {
        guard let destination else { return nil }
        guard let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.index(after: hash)...]))
    }
}

enum DestinationStyle: Sendable, Hashable {
    case bare
    case angleBrackets
    case quoted(UInt8)
    case none
}

/// An ATX (`## Title`) or setext (`Title` over `===`) heading.
package struct MarkdownHeading: Sendable, Hashable {
    package let level: Int
    /// The heading's text as GitHub renders it: inline markup, HTML tags and images removed,
    /// entities and escapes decoded. This is what the anchor slug is made from.
    package let text: String
    /// The raw source of the heading content.
    package let source: String
    package let position: MarkdownPosition
}

/// An anchor a link fragment can point at.
package struct MarkdownAnchor: Sendable, Hashable {
    package enum Origin: Sendable, Hashable {
        case heading
        /// `<a name="…">` or any tag's `id="…"`.
        case html
    }

    package let name: String
    package let origin: Origin
    package let position: MarkdownPosition
}

/// A fenced code block (``` or ~~~).
package struct FencedCodeBlock: Sendable, Hashable {
    /// Everything after the opening fence, trimmed.
    package let infoString: String
    /// The first word of the info string (`json`, `yaml`, …), or empty.
    package var language: String {
        String(infoString.prefix { !$0.isWhitespace })
    }
    /// The lines between the fences, with their line endings; blockquote markers and the
    /// fence's own indentation (as in a list item) are removed, as a Markdown renderer does.
    package let content: String
    /// Line of the opening fence.
    package let startLine: Int
    /// Line of the first content line.
    package var contentStartLine: Int { startLine + 1 }
    /// Line of the closing fence, nil when the block runs to the end of the file.
    package let endLine: Int?
}

/// A leading `---` YAML block.
package struct Frontmatter: Sendable, Hashable {
    /// The YAML between the delimiter lines, with line endings.
    package let content: String
    /// Lines from the opening `---` to the closing delimiter, inclusive.
    package let lines: ClosedRange<Int>
    /// Bytes of the whole block including the closing delimiter's line ending.
    package let range: Range<Int>
}
