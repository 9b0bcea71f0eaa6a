/// Where notify can send a run's results.
enum NotifyChannel: String, Sendable, CaseIterable {
    case slack
    case email
    case githubIssue = "github-issue"
}

/// What happened on one channel.
struct ChannelOutcome: Sendable {
    enum Result: Sendable {
        case sent(String)
        case rendered(String)
        case skipped(String)
        case failed(String)
    }

    var channel: NotifyChannel
    var result: Result

    var isFailure: Bool {
        if case .failed = result { return true }
        return false
    }

    var isSent: Bool {
        if case .sent = result { return true }
        return false
    }

    var row: [String] {
        switch result {
        case .sent(let detail): [channel.rawValue, "✅ sent", detail]
        case .rendered(let path): [channel.rawValue, "📝 rendered (dry run)", path]
        case .skipped(let reason): [channel.rawValue, "⏭️ skipped", reason]
        case .failed(let message): [channel.rawValue, "❌ failed", message]
        }
    }
}
