import ActionsRuntime
import Foundation

/// The shape a secret's value must have.
package enum SecretFormat: String, Sendable, CaseIterable {
    /// Classic (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`) and fine-grained (`github_pat_`) tokens.
    case githubToken = "github-token"
    /// A Slack incoming-webhook URL.
    case slackWebhook = "slack-webhook"
    /// One email address, or several separated by commas.
    case email
    /// A 256-bit key: 64 hexadecimal digits or 44 base64 characters.
    case key256 = "key-256"
    /// An https URL.
    case url
    /// Any value that is not a placeholder.
    case any

    /// Why `value` does not have this format, or nil when it does. Never quotes the value.
    package func problem(with value: String) -> String? {
        switch self {
        case .githubToken:
            // GitHub App installation tokens are moving to a stateless format since April 2026: a
            // ghs_-prefixed JWT of about 520 characters with dots and underscores.
            if Self.matches(value, #"^gh[pousr]_[A-Za-z0-9]{36,251}$"#) || Self.matches(value, #"^ghs_[A-Za-z0-9._]{36,2048}$"#)
                || Self.matches(value, #"^github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59,}$"#) {
                return nil
            }
            if value.hasPrefix("github_pat_") { return "starts like a fine-grained token (github_pat_) but its length or characters are wrong" }
            if Self.matches(value, #"^gh[pousr]_"#) { return "has a GitHub token prefix but the wrong length or characters (expected 36+ letters and digits after it)" }
            if Self.matches(value, #"^[0-9a-f]{40}$"#) { return "looks like a legacy 40-hex token; create a new token (ghp_ or github_pat_)" }
            return "is not a GitHub token (expected ghp_, gho_, ghu_, ghs_, ghr_ or github_pat_ followed by letters and digits)"
        case .slackWebhook:
            if Self.matches(value, #"^https://hooks\.slack(-gov)?\.com/(services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]{16,}|workflows/T[A-Z0-9]+/A[A-Z0-9]+/[0-9]+/[A-Za-z0-9]{16,}|triggers/T[A-Z0-9]+/[0-9]+/[A-Za-z0-9]{16,})$"#) {
                return nil
            }
            if value.hasPrefix("http://") { return "uses http; Slack webhooks are https://hooks.slack.com/..." }
            return "is not a Slack incoming-webhook URL (https://hooks.slack.com/services/T.../B.../...)"
        case .email:
            let addresses = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for (index, address) in addresses.enumerated() where !Self.matches(address, #"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"#) {
                return addresses.count == 1 ? "is not an email address (name@example.com)" : "address \(index + 1) of \(addresses.count) is not an email address"
            }
            return nil
        case .key256:
            do {
                _ = try EncryptionKey(parsing: value)
                return nil
            } catch {
                return error.description
            }
        case .url:
            guard let url = URL(string: value), url.scheme == "https", url.host != nil else {
                return "is not an https URL"
            }
            return nil
        case .any:
            return nil
        }
    }

    static func matches(_ value: String, _ pattern: String) -> Bool {
        value.range(of: pattern, options: .regularExpression) != nil
    }
}
