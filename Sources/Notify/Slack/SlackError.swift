/// Why a Slack post failed. Never holds the webhook URL: it is a secret.
package enum SlackError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidWebhook
    case encoding(String)
    /// A 4xx other than 429, with Slack's error text (`invalid_blocks`, `no_service`...).
    case rejected(status: Int, text: String)
    case rateLimited(retryAfter: Double?, attempts: Int)
    case server(status: Int, text: String, attempts: Int)
    case network(reason: String, attempts: Int)
    /// A 3xx: no redirect is followed.
    case redirected(status: Int)

    package var description: String {
        switch self {
        case .invalidWebhook:
            "SLACK_WEBHOOK is not an http(s) URL; set it to the incoming webhook URL Slack gave you (https://hooks.slack.com/services/...)."
        case .encoding(let reason):
            "The Slack message could not be encoded: \(reason)."
        case .rejected(let status, let text):
            "Slack refused the message (\(status) \(text.isEmpty ? "without a reason" : text)). " + Self.hint(text)
        case .rateLimited(let retryAfter, let attempts):
            "Slack rate-limited the webhook (429) after \(attempts) attempt\(attempts == 1 ? "" : "s")"
                + (retryAfter.map { "; it asked to wait \(Int($0)) s" } ?? "") + ". Re-run later."
        case .server(let status, let text, let attempts):
            "Slack answered \(status)\(text.isEmpty ? "" : " \(text)") after \(attempts) attempt\(attempts == 1 ? "" : "s"). Re-run later."
        case .redirected(let status):
            "The Slack webhook answered with a redirect (\(status)); flash-sync follows no redirect, so nothing was posted. Set SLACK_WEBHOOK to the incoming webhook URL Slack gave you (https://hooks.slack.com/services/...)."
        case .network(let reason, let attempts):
            "Could not reach the Slack webhook after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(reason)."
        }
    }

    private static func hint(_ text: String) -> String {
        switch text {
        case "invalid_blocks", "invalid_blocks_format":
            "The blocks broke a Block Kit rule; this is a bug in flash-sync's rendering, please report it with the dry-run output."
        case "invalid_payload":
            "The payload was not valid JSON for Slack; please report it with the dry-run output."
        case "no_service", "no_team", "invalid_token":
            "The webhook was removed or is wrong: create a new incoming webhook and update SLACK_WEBHOOK."
        case "channel_not_found", "channel_is_archived":
            "The webhook's channel is gone or archived: point a new webhook at a live channel."
        case "action_prohibited", "posting_to_general_channel_denied":
            "The workspace does not allow this webhook to post there; ask a Slack admin."
        default:
            "Check the webhook in Slack's app settings."
        }
    }
}
