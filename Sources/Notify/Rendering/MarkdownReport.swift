import Foundation

/// The digest as GitHub Markdown: the status issue body and the job summary.
/// Items are added whole until the next one would pass `limit` (UTF-8 bytes, so it holds
/// for GitHub's 65,536-character issue body too); the rest are counted in a closing line.
package enum MarkdownReport {
    package static let issueBodyLimit = 65_536

    package static func render(_ digest: SyncDigest, limit: Int = issueBodyLimit, footer: String? = nil) -> String {
        let results = digest.results
        var head = "## \(digest.subject)\n\n"
        var facts = ["event `\(results.event)`", "mode `\(results.mode)`"]
        if !results.sourceSHA.isEmpty { facts.append("source `\(results.sourceSHA.prefix(12))`") }
        if let run = results.run { facts.append(link("run \(run.id)", run.url)) }
        head += facts.joined(separator: " · ") + "\n"
        if let finished = results.finishedAt {
            head += "\nFinished \(ISO8601DateFormatter().string(from: finished)).\n"
        }
        let tail = footer.map { "\n---\n" + $0 + "\n" } ?? ""

        var body = head
        let reserve = 400 + tail.utf8.count
        var omitted: [(DigestSection.Kind, Int)] = []
        for section in digest.sections {
            let title = "\n### \(section.kind.emoji) \(section.kind.title) (\(section.items.count))\n\n"
                + (section.kind.action.map { "_\($0)_\n\n" } ?? "")
            guard omitted.isEmpty, body.utf8.count + title.utf8.count + reserve <= limit else {
                omitted.append((section.kind, section.items.count))
                continue
            }
            body += title
            for (index, item) in section.items.enumerated() {
                let text = line(item)
                if body.utf8.count + text.utf8.count + reserve > limit {
                    omitted.append((section.kind, section.items.count - index))
                    break
                }
                body += text
            }
        }
        if !omitted.isEmpty {
            let counted = omitted.map { "\($0.1) \($0.0.title.lowercased())" }.joined(separator: ", ")
            body += "\n_+\(omitted.map(\.1).reduce(0, +)) more not shown to stay within GitHub's size limit (\(counted))"
                + (results.run.map { "; the full list is in " + link("the run", $0.url) } ?? "") + "._\n"
        }
        return body + tail
    }

    static func line(_ item: DigestItem) -> String {
        var text = "- **\(escape(item.subject))**"
        if let qualifier = item.qualifier { text += " · `\(qualifier.replacingOccurrences(of: "`", with: "'"))`" }
        if let link = item.link { text += " · " + self.link(link.label, link.url) }
        text += "\n"
        for detail in item.details {
            text += "  - " + escape(detail).replacingOccurrences(of: "\n", with: " ") + "\n"
        }
        return text
    }

    /// `[label](url)` for an http(s) URL without spaces or parentheses; the label alone otherwise.
    static func link(_ label: String, _ url: String) -> String {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), !url.contains(where: { " ()<>\n".contains($0) }) else {
            return escape(label)
        }
        return "[\(escape(label))](\(url))"
    }

    /// Keeps free text from turning into HTML, links or emphasis in GitHub Markdown.
    static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "*", "_", "[", "]", "`", "|", "\\": output += "\\" + String(character)
            default: output.append(character)
            }
        }
        return output
    }
}
