/// Text written by other people (a team's reasons, file paths, error messages) put into Markdown
/// that flash-sync writes: shown as plain text, never as markup, links or @-mentions.
package enum MarkdownText {
    /// One table cell: no control characters or line breaks, at most 300 characters, no pipes.
    package static func cell(_ text: String) -> String {
        plain(String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(300).map(Character.init)))
            .replacingOccurrences(of: "\\", with: "&#92;").replacingOccurrences(of: "|", with: "&#124;")
    }

    /// No HTML, no links or images, no @-mentions.
    package static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "[", with: "&#91;").replacingOccurrences(of: "]", with: "&#93;").replacingOccurrences(of: "@", with: "&#64;")
    }

    /// A path inside a code span of a table cell.
    package static func code(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|")
    }
}
