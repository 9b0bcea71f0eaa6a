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
