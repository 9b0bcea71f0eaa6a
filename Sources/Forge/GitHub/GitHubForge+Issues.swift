import Foundation

extension GitHubForge {
    package func openIssues(_ repository: String, label: String) async throws -> [ForgeIssue] {
        // Once: after this the step writes issues, and a lookup must see them.
        if let known = fleet.takeIssues(repository, label: label) { return known }
        let path = try base(repository) + "/issues?state=open&sort=created&direction=asc&labels=" + Self.escape(query: label)
        let listed = try await pages(path, as: GitHubPayload.Issue.self) ?? []
        return listed.filter { $0.pullRequest == nil }.map(Self.issue)
    }

    package func createIssue(_ repository: String, title: String, body: String, labels: [String]) async throws -> ForgeIssue {
        let path = try base(repository) + "/issues"
        return try await createOnce({
            Self.issue(try await write("POST", path, ["title": title, "body": body, "labels": labels], as: GitHubPayload.Issue.self, replay: .lookFirst))
        }, lookup: {
            guard let label = labels.first else { return nil }
            return try await openIssues(repository, label: label).last { $0.title == title && $0.body == body }
        })
    }

    package func updateIssue(_ repository: String, number: Int, title: String, body: String) async throws -> ForgeIssue {
        Self.issue(try await write("PATCH", try base(repository) + "/issues/\(number)", ["title": title, "body": body], as: GitHubPayload.Issue.self))
    }

    package func closeIssue(_ repository: String, number: Int, comment: String) async throws {
        try await commentOnce(repository, number: number, comment)
        _ = try await write("PATCH", try base(repository) + "/issues/\(number)", ["state": "closed", "state_reason": "completed"], as: GitHubPayload.Issue.self)
    }

    /// Comments on an issue or pull request; after a lost answer, checks the comment is not there
    /// already before sending it again.
    ///
    /// The issue-comments endpoint lists the oldest first and takes no sort order, only `since`
    /// (comments updated at or after a time), so the lookup asks for the comments since just
    /// before the first send (less a margin for clock skew) and reads every page of them.
    func commentOnce(_ repository: String, number: Int, _ text: String) async throws {
        let path = try base(repository) + "/issues/\(number)/comments"
        let since = Self.timestamp(Date(timeIntervalSince1970: client.effects.now() - Self.commentLookupMargin))
        try await createOnce({
            _ = try await write("POST", path, ["body": text], as: GitHubPayload.Comment.self, replay: .lookFirst)
        }, lookup: {
            let recent = try await pages(path + "?since=" + Self.escape(query: since), as: GitHubPayload.Comment.self, limit: 1_000) ?? []
            return recent.contains { $0.body == text } ? () : nil
        })
    }

    /// How far before the first send the lookup of a comment starts: covers a runner clock ahead of GitHub's.
    static let commentLookupMargin: Double = 600

    /// ISO 8601 in UTC, as GitHub's `since` parameters take it.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func issue(_ issue: GitHubPayload.Issue) -> ForgeIssue {
        ForgeIssue(number: issue.number, url: issue.htmlURL, title: issue.title, body: issue.body ?? "", labels: (issue.labels ?? []).map(\.name),
                   state: issue.state, comments: [])
    }
}
