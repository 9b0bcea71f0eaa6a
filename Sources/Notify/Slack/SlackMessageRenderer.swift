/// Turns the digest into a Block Kit message that fits Slack's limits: a header, the totals,
/// one or more sections per group (each under 3,000 characters), and, when the 50 blocks run
/// out, a last section that counts what was left out ("+N more") and links the run.
package enum SlackMessageRenderer {
    package static func render(_ digest: SyncDigest) -> SlackMessage {
        let results = digest.results
        var blocks: [SlackBlock] = [
            .header(SlackLimits.truncate(digest.subject, to: SlackLimits.headerText)),
        ]
        var facts = ["*\(escape(digest.counts))*", "event `\(escape(results.event))`", "mode `\(escape(results.mode))`"]
        if let run = results.run { facts.append(link(run.url, "run \(run.id)")) }
        blocks.append(.context([SlackLimits.truncate(facts.joined(separator: " · "), to: SlackLimits.sectionText)]))

        // One block stays free for the "+N more" note.
        let budget = SlackLimits.blocks - 1
        var omitted: [(DigestSection.Kind, Int)] = []
        for section in digest.sections {
            var chunk = "*\(section.kind.emoji) \(escape(section.kind.title)) (\(section.items.count))*"
            if let action = section.kind.action { chunk += "\n_\(escape(action))_" }
            var placed = 0
            for item in section.items {
                let text = SlackLimits.truncate(line(item), to: SlackLimits.sectionText - 1)
                if SlackLimits.length(chunk) + 1 + SlackLimits.length(text) <= SlackLimits.sectionText {
                    chunk += "\n" + text
                    placed += 1
                    continue
                }
                guard blocks.count < budget - 1 else { break }
                blocks.append(.section(chunk))
                chunk = text
                placed += 1
            }
            if placed > 0, blocks.count < budget {
                blocks.append(.section(chunk))
            } else if placed > 0 {
                placed = 0
            }
            if placed < section.items.count { omitted.append((section.kind, section.items.count - placed)) }
        }
        if !omitted.isEmpty {
            let total = omitted.map(\.1).reduce(0, +)
            var note = "*+\(total) more* not shown (Slack allows \(SlackLimits.blocks) blocks): "
                + omitted.map { "\($0.1) \($0.0.title.lowercased())" }.joined(separator: ", ") + "."
            if let run = results.run { note += " Full list: " + link(run.url, "the run") + "." }
            blocks.append(.section(SlackLimits.truncate(note, to: SlackLimits.sectionText)))
        }
        return SlackMessage(text: SlackLimits.truncate(digest.subject, to: SlackLimits.fallbackText), blocks: blocks)
    }

    static func line(_ item: DigestItem) -> String {
        var text = "• *\(escape(item.subject))*"
        if let qualifier = item.qualifier { text += " · `\(escape(qualifier))`" }
        if let link = item.link { text += " · " + self.link(link.url, link.label) }
        for detail in item.details {
            text += "\n      ↳ " + escape(detail.replacingOccurrences(of: "\n", with: " "))
        }
        return text
    }

    /// `<url|label>`, or the label alone when the URL is not http(s) or would break the syntax.
    static func link(_ url: String, _ label: String) -> String {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), !url.contains(where: { "|<> \n".contains($0) }) else {
            return escape(label)
        }
        return "<\(url.replacingOccurrences(of: "&", with: "&amp;"))|\(escape(label).replacingOccurrences(of: "|", with: "¦"))>"
    }

    /// Slack's three control characters in mrkdwn.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
