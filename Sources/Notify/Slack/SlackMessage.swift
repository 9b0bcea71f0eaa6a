/// A Slack message in Block Kit: the `text` fallback (shown in notifications) and the blocks.
package struct SlackMessage: Sendable, Equatable, Encodable {
    package var text: String
    package var blocks: [SlackBlock]

    package init(text: String, blocks: [SlackBlock]) {
        self.text = text
        self.blocks = blocks
    }
}

/// The Block Kit blocks notify uses.
package enum SlackBlock: Sendable, Equatable, Encodable {
    /// Plain text, at most `SlackLimits.headerText` characters.
    case header(String)
    /// mrkdwn text, at most `SlackLimits.sectionText` characters.
    case section(String)
    /// Small mrkdwn lines under the header.
    case context([String])
    case divider

    private enum Keys: String, CodingKey {
        case type, text, elements, emoji
    }

    private struct TextObject: Encodable {
        var type: String
        var text: String
        var emoji: Bool?
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .header(let text):
            try container.encode("header", forKey: .type)
            try container.encode(TextObject(type: "plain_text", text: text, emoji: true), forKey: .text)
        case .section(let text):
            try container.encode("section", forKey: .type)
            try container.encode(TextObject(type: "mrkdwn", text: text), forKey: .text)
        case .context(let lines):
            try container.encode("context", forKey: .type)
            try container.encode(lines.map { TextObject(type: "mrkdwn", text: $0) }, forKey: .elements)
        case .divider:
            try container.encode("divider", forKey: .type)
        }
    }

    /// The text Slack measures against its limits.
    package var text: String? {
        switch self {
        case .header(let text), .section(let text): text
        case .context(let lines): lines.joined(separator: "\n")
        case .divider: nil
        }
    }
}

/// Slack's documented limits for a message posted to an incoming webhook.
package enum SlackLimits {
    package static let blocks = 50
    package static let sectionText = 3_000
    package static let headerText = 150
    package static let contextElements = 10
    /// Slack truncates `text` beyond this; the fallback is kept far below it.
    package static let fallbackText = 4_000

    /// Slack counts characters as UTF-16 code units; measuring the same way never undercounts.
    package static func length(_ text: String) -> Int { text.utf16.count }

    /// `text` cut to `limit` code units, ending in `…` when it was cut.
    package static func truncate(_ text: String, to limit: Int) -> String {
        guard length(text) > limit else { return text }
        var output = ""
        var used = 0
        for character in text {
            let size = String(character).utf16.count
            if used + size > limit - 1 { break }
            output.append(character)
            used += size
        }
        return output + "…"
    }
}
