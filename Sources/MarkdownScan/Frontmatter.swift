/// A leading `---` YAML block.
package struct Frontmatter: Sendable, Hashable {
    /// The YAML between the delimiter lines, with line endings.
    package let content: String
    /// Lines from the opening `---` to the closing delimiter, inclusive.
    package let lines: ClosedRange<Int>
    /// Bytes of the whole block including the closing delimiter's line ending.
    package let range: Range<Int>
}
