import Foundation
import SyncCore

package struct PullRequestDraft: Sendable, Equatable, Codable {
    package var head: String
    package var base: String
    package var title: String
    package var body: String
    package var labels: [String]
    package var reviewers: [String]
    package var teamReviewers: [String]

    package init(head: String, base: String, title: String, body: String, labels: [String], reviewers: [String], teamReviewers: [String]) {
        self.head = head
        self.base = base
        self.title = title
        self.body = body
        self.labels = labels
        self.reviewers = reviewers
        self.teamReviewers = teamReviewers
    }
}

package struct PullRequest: Sendable, Equatable, Codable {
    package var number: Int
    package var url: String
    package var head: String
    package var base: String
    package var title: String
    package var body: String
    package var labels: [String]
    package var reviewers: [String]
    package var teamReviewers: [String]
    package var state: String
    package var autoMerge: Bool
    package var mergeCommit: String?
    /// When the pull request was opened, merged and closed (a merged one is closed too), as ISO
    /// 8601 (`2026-11-01T09:00:00Z`); nil when not (yet), or when the forge did not say.
    package var createdAt: String? = nil
    package var mergedAt: String? = nil
    package var closedAt: String? = nil

    enum CodingKeys: String, CodingKey {
        case number, url, head, base, title, body, labels, reviewers, state
        case teamReviewers = "team_reviewers"
        case autoMerge = "auto_merge"
        case mergeCommit = "merge_commit"
        case createdAt = "created_at"
        case mergedAt = "merged_at"
        case closedAt = "closed_at"
    }
}

package enum AutoMergeOutcome: Sendable, Equatable {
    case enabled
    case notAllowed(reason: String)
}
