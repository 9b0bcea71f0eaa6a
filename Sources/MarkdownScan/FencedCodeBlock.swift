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
