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
