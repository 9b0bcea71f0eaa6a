/// The block structure the inline scan needs: where code, frontmatter and HTML blocks are,
/// which byte ranges hold inline Markdown (paragraphs, heading text), and the link reference
/// definitions. Containers are handled as far as they change that answer: blockquote markers
/// are stepped over, and list items move the indentation at which a line becomes code.
struct MarkdownBlocks: Sendable {
    struct Heading: Sendable {
        let level: Int
        let content: Range<Int>
        let start: Int
    }

    struct Definition: Sendable {
        let label: String
        let destination: Range<Int>
        let style: DestinationStyle
        let title: String?
        /// The definition's line(s), with line endings.
        let range: Range<Int>
        let start: Int
    }

    var frontmatter: Frontmatter?
    var fencedBlocks: [FencedCodeBlock] = []
    var headings: [Heading] = []
    var inlineRegions: [Range<Int>] = []
    var htmlRegions: [Range<Int>] = []
    var definitions: [Definition] = []
}

extension String {
    func trimmingMarkdownSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[first...last])
    }
}

/// Reference labels match case-insensitively with runs of whitespace collapsed.
enum MarkdownLabel {
    static func normalize(_ label: String) -> String {
        label.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }
}
