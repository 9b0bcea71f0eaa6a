/// Puts the release version into a synced text file: Markdown frontmatter (added or updated) or a
/// header comment, a YAML comment header; JSON cannot carry a comment and is left unstamped.
package enum VersionStamp {
    package enum Outcome: Sendable, Equatable {
        case stamped(String)
        case unsupported(reason: String)
    }

    package static func stamp(_ text: String, path: String, key: String, version: String, origin: String) -> Outcome {
        let newline = TextContent.lineEnding(of: text)
        if TextContent.isMarkdown(path) {
            return .stamped(stampMarkdown(text, key: key, version: version, origin: origin, newline: newline))
        }
        if TextContent.isYAML(path) {
            return .stamped(stampYAML(text, key: key, version: version, origin: origin, newline: newline))
        }
        let lower = path.lowercased()
        if lower.hasSuffix(".svg") || lower.hasSuffix(".xml") || lower.hasSuffix(".html") || lower.hasSuffix(".htm") {
            return .stamped(stampXML(text, key: key, version: version, origin: origin, newline: newline))
        }
        if TextContent.isJSON(path) {
            return .unsupported(reason: "JSON has no comments; the version is not stamped")
        }
        return .unsupported(reason: "no comment syntax known for this file type")
    }

    /// Whether a text carries `key: version` (what check 5 looks for).
    package static func carries(_ text: String, key: String, version: String) -> Bool {
        text.contains("\(key): \(version)")
    }

    static func stampMarkdown(_ text: String, key: String, version: String, origin: String, newline: String) -> String {
        let lines = text.components(separatedBy: newline)
        if lines.first == "---", let end = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) {
            var front = Array(lines[1..<end])
            let entry = "\(key): \(version)"
            if let existing = front.firstIndex(where: { $0.hasPrefix("\(key):") }) {
                front[existing] = entry
            } else {
                front.append(entry)
            }
            return (["---"] + front + Array(lines[end...])).joined(separator: newline)
        }
        return "<!-- \(key): \(version) · synced from \(origin); edit the override, not this file -->" + newline + text
    }

    /// An XML comment after the XML declaration (which must stay first) or at the top.
    static func stampXML(_ text: String, key: String, version: String, origin: String, newline: String) -> String {
        let comment = "<!-- \(key): \(version) · synced from \(origin) -->"
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") {
            return String(text[..<end.upperBound]) + newline + comment + String(text[end.upperBound...])
        }
        return comment + newline + text
    }

    static func stampYAML(_ text: String, key: String, version: String, origin: String, newline: String) -> String {
        let header = "# \(key): \(version) · synced from \(origin)"
        var lines = text.components(separatedBy: newline)
        if let first = lines.first, first.hasPrefix("# \(key):") {
            lines[0] = header
            return lines.joined(separator: newline)
        }
        // A %YAML directive must stay first.
        if let first = lines.first, first.hasPrefix("%YAML") {
            lines.insert(header, at: 1)
            return lines.joined(separator: newline)
        }
        return header + newline + text
    }
}
