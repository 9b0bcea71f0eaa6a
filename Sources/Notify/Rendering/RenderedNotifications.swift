import Foundation

/// Every channel's text for one run, rendered once and passed through the secret masker:
/// what is sent is exactly what a dry run writes.
package struct RenderedNotifications: Sendable {
    package var slack: SlackMessage
    package var emailSubject: String
    package var emailText: String
    package var emailHTML: String
    package var issueBody: String
    package var summary: String

    /// `redact` masks secret values; it is applied to every string any channel will carry.
    package init(_ digest: SyncDigest, issueFooter: String? = nil, redact: (String) -> String) {
        let message = SlackMessageRenderer.render(digest)
        slack = SlackMessage(text: redact(message.text), blocks: message.blocks.map { block in
            switch block {
            case .header(let text): .header(redact(text))
            case .section(let text): .section(redact(text))
            case .context(let lines): .context(lines.map(redact))
            case .divider: .divider
            }
        })
        emailSubject = redact(digest.subject)
        emailText = redact(PlainTextReport.render(digest))
        emailHTML = redact(HTMLReport.render(digest))
        issueBody = redact(MarkdownReport.render(digest, footer: issueFooter))
        summary = redact(MarkdownReport.render(digest, limit: 200_000))
    }

    /// The Slack payload as sent: compact JSON with sorted keys.
    package func slackJSON(pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(slack)
    }
}
