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
