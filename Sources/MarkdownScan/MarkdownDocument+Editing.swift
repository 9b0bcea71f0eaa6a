/// Text edits used by transforms. Every edit returns the new text with all other bytes
/// unchanged, line endings (including CRLF) and all.
extension MarkdownDocument {
    /// Replaces the destination of each link for which `newDestination` returns a value.
    /// References (`[text][label]`) have no destination of their own: rewrite their
    /// `.referenceDefinition` instead. Destinations are written in the link's own style:
    /// inside `<…>` or quotes when the original used them, wrapped in `<…>` when a bare
    /// destination would otherwise break (spaces, unbalanced parentheses, empty).
    package func rewritingDestinations(_ newDestination: (MarkdownLink) -> String?) -> String {
        var edits: [MarkdownTextEdit] = []
        for link in links {
            guard let range = link.destinationRange, let destination = newDestination(link), destination != link.destination else { continue }
            edits.append(Self.destinationEdit(link: link, range: range, destination: destination))
        }
        return apply(edits)
    }

    /// Replaces one link's destination (see `rewritingDestinations`).
    package func rewritingDestination(of link: MarkdownLink, to destination: String) -> String {
        rewritingDestinations { $0 == link ? destination : nil }
    }

    /// Replaces each chosen link by its text: `[text](x.md)` → `text`, `![alt](x.png)` → `alt`,
    /// `<https://x>` → `https://x`, `<a href="x">text</a>` → `text`; a chosen reference
    /// definition line is deleted. Links that are not `isRemovable` (`src=` attributes) are left.
    package func removingLinks(where shouldRemove: (MarkdownLink) -> Bool) -> String {
        var edits: [MarkdownTextEdit] = []
        for link in links where link.isRemovable && shouldRemove(link) {
            edits += removalEdits(for: link)
        }
        return apply(edits)
    }

    /// Replaces one link by its text (see `removingLinks`).
    package func removingLink(_ link: MarkdownLink) -> String {
        removingLinks { $0 == link }
    }

    private static func destinationEdit(link: MarkdownLink, range: Range<Int>, destination: String) -> MarkdownTextEdit {
        switch link.destinationStyle {
        case .angleBrackets:
            var escaped = destination.replacing("<", with: "%3C").replacing(">", with: "%3E").replacing("\n", with: "")
            if link.kind == .autolink { escaped = escaped.replacing(" ", with: "%20") }
            return MarkdownTextEdit(range: range, replacement: escaped)
        case .quoted(let quote):
            let entity = quote == UInt8(ascii: "\"") ? "&quot;" : "&#39;"
            return MarkdownTextEdit(range: range, replacement: destination.replacing(String(UnicodeScalar(quote)), with: entity))
        case .bare, .none:
            if case .htmlAttribute = link.kind {
                return MarkdownTextEdit(range: range, replacement: "\"\(destination.replacing("\"", with: "&quot;"))\"")
            }
            return MarkdownTextEdit(range: range, replacement: Self.needsAngleBrackets(destination) ? "<\(destination)>" : destination)
        }
    }

    private static func needsAngleBrackets(_ destination: String) -> Bool {
        if destination.isEmpty { return true }
        var depth = 0
        for scalar in destination.unicodeScalars {
            if scalar.value <= 0x20 || scalar == "<" || scalar == ">" { return true }
            if scalar == "(" { depth += 1 }
            if scalar == ")" {
                depth -= 1
                if depth < 0 { return true }
            }
        }
        return depth != 0
    }

    private func removalEdits(for link: MarkdownLink) -> [MarkdownTextEdit] {
        switch link.kind {
        case .inline, .image, .reference, .imageReference, .autolink:
            guard let textRange = link.textRange else { return [] }
            return [MarkdownTextEdit(range: link.range, replacement: source.string(textRange))]
        case .referenceDefinition:
            return [MarkdownTextEdit(range: link.range, replacement: "")]
        case .htmlAttribute:
            var edits = [MarkdownTextEdit(range: link.range, replacement: "")]
            if let tag = MarkdownHTMLTag(bytes: source.bytes, start: link.range.lowerBound, end: source.bytes.count),
               let closing = closingTag(named: tag.name, after: link.range.upperBound) {
                edits.append(MarkdownTextEdit(range: closing, replacement: ""))
            }
            return edits
        }
    }

    /// The next `</name>` after `offset`, not crossing another opening tag of the same name.
    private func closingTag(named name: String, after offset: Int) -> Range<Int>? {
        let bytes = source.bytes
        var cursor = offset
        while cursor < bytes.count {
            if bytes[cursor] == UInt8(ascii: "<"), let tag = MarkdownHTMLTag(bytes: bytes, start: cursor, end: bytes.count), tag.name == name {
                return tag.isClosing ? tag.range : nil
            }
            cursor += 1
        }
        return nil
    }

    private func apply(_ edits: [MarkdownTextEdit]) -> String {
        guard !edits.isEmpty else { return text }
        let bytes = source.bytes
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where edit.range.lowerBound >= cursor {
            result += bytes[cursor..<edit.range.lowerBound]
            result += edit.replacement.utf8
            cursor = edit.range.upperBound
        }
        result += bytes[cursor...]
        return String(decoding: result, as: UTF8.self)
    }
}

/// Replace the bytes in `range` by `replacement`.
struct MarkdownTextEdit {
    let range: Range<Int>
    let replacement: String
}
