import Foundation
import Notify
import SyncKit
import Testing

/// Checks a payload against Slack's documented limits; shared with the webhook tests' server.
enum SlackPayloadCheck {
    /// The broken limits, as Slack would name them; empty when the payload is acceptable.
    static func problems(_ data: Data) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return ["invalid_payload"] }
        var problems: [String] = []
        guard let blocks = object["blocks"] as? [[String: Any]], let text = object["text"] as? String, !text.isEmpty else {
            return ["invalid_blocks: no blocks or no text"]
        }
        if blocks.count > 50 { problems.append("invalid_blocks: \(blocks.count) blocks") }
        for block in blocks {
            let type = block["type"] as? String ?? ""
            let text = (block["text"] as? [String: Any])?["text"] as? String
            switch type {
            case "header":
                if (text?.utf16.count ?? 0) > 150 || (block["text"] as? [String: Any])?["type"] as? String != "plain_text" {
                    problems.append("invalid_blocks: header")
                }
            case "section":
                if (text?.utf16.count ?? 0) > 3_000 || (text?.isEmpty ?? true) { problems.append("invalid_blocks: section of \(text?.utf16.count ?? 0)") }
            case "context":
                let elements = block["elements"] as? [[String: Any]] ?? []
                if elements.isEmpty || elements.count > 10 { problems.append("invalid_blocks: context") }
            case "divider":
                break
            default:
                problems.append("invalid_blocks: type \(type)")
            }
        }
        return problems
    }
}

@Suite("Slack Block Kit rendering within Slack's limits")
struct SlackMessageRendererTests {
    func payload(_ results: SyncResults) throws -> Data {
        try RenderedNotifications(SyncDigest(results), redact: { $0 }).slackJSON()
    }

    @Test("every fixture that notifies renders a payload Slack accepts", arguments: ["mixed", "drift-only", "huge"])
    func withinLimits(name: String) throws {
        #expect(SlackPayloadCheck.problems(try payload(try NotifyFixtures.results(name))) == [])
    }

    @Test("the 500-target run fills 50 blocks and counts the rest as +N more, with a link to the run")
    func overflow() throws {
        let digest = SyncDigest(try NotifyFixtures.results("huge"))
        let message = SlackMessageRenderer.render(digest)
        #expect(message.blocks.count <= 50)
        #expect(message.blocks.count >= 45, "the message should use the blocks it has")
        guard case .section(let note) = try #require(message.blocks.last) else { Issue.record("last block is not a section"); return }
        #expect(note.contains("not shown (Slack allows 50 blocks)"))
        #expect(note.contains("<https://github.com/example-org/agent33/actions/runs/7321|the run>"))
        let shown = message.blocks.compactMap(\.text).joined(separator: "\n").components(separatedBy: "\n• ").count - 1
        let omitted = try #require(Int(note.dropFirst(2).prefix { $0.isNumber }))
        #expect(shown + omitted == digest.sections.map(\.items.count).reduce(0, +))
    }

    @Test("a very long header and a very long message are cut, not rejected")
    func longTexts() throws {
        var results = try NotifyFixtures.results("mixed")
        results.sourceRepository = "example-org/" + String(repeating: "a", count: 200)
        results.targets[3].message = String(repeating: "détail ", count: 1_000)
        let message = SlackMessageRenderer.render(SyncDigest(results))
        guard case .header(let header) = message.blocks[0] else { Issue.record("first block is not a header"); return }
        #expect(header.utf16.count == 150)
        #expect(header.hasSuffix("…"))
        #expect(SlackPayloadCheck.problems(try payload(results)) == [])
    }

    @Test("Slack's control characters in free text are escaped, links use Slack's syntax")
    func escaping() throws {
        var results = try NotifyFixtures.results("mixed")
        results.targets[3].message = "a <!channel> & <https://evil.example|click>"
        let text = SlackMessageRenderer.render(SyncDigest(results)).blocks.compactMap(\.text).joined(separator: "\n")
        #expect(text.contains("a &lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;"))
        #expect(text.contains("<https://github.com/example-org/ml-pipeline/pull/7|PR #7>"))
    }
}
