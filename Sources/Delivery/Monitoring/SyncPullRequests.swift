import Forge
import Foundation
import SyncKit

/// A rule's newest sync pull request in its target, as the downstream registry shows it.
package struct SyncPullRequest: Sendable, Equatable {
    package enum State: String, Sendable, CaseIterable {
        case open
        case merged
        /// Closed without being merged: superseded by a newer sync, or declined by the team.
        case closed = "closed unmerged"
    }

    package var number: Int
    package var url: String
    package var branch: String
    package var state: State
    /// Whole days since it was opened (open), merged (merged) or closed (closed unmerged); nil when
    /// the forge did not say when.
    package var ageDays: Int?

    package init(number: Int, url: String, branch: String, state: State, ageDays: Int?) {
        self.number = number
        self.url = url
        self.branch = branch
        self.state = state
        self.ageDays = ageDays
    }

    /// The registry's view of a forge pull request at `now`.
    package init(_ pull: PullRequest, now: Date) {
        let state: State = switch pull.state.lowercased() {
        case "open": .open
        case "merged": .merged
        default: pull.mergedAt != nil ? .merged : .closed
        }
        let since: String? = switch state {
        case .open: pull.createdAt
        case .merged: pull.mergedAt ?? pull.closedAt
        case .closed: pull.closedAt
        }
        let date = since.flatMap { ISO8601DateFormatter().date(from: $0) }
        self.init(number: pull.number, url: pull.url, branch: pull.head, state: state,
                  ageDays: date.map { max(0, Int(now.timeIntervalSince($0) / 86_400)) })
    }
}

/// What the registry knows of a rule's sync pull request.
package enum SyncPullRequestStanding: Sendable, Equatable {
    /// The target's pull requests could not be listed.
    case unknown
    /// None of the target's recent pull requests is a sync of the rule.
    case notFound
    case found(SyncPullRequest)

    package var pullRequest: SyncPullRequest? {
        if case .found(let pull) = self { return pull }
        return nil
    }
}

/// A target's recent sync pull requests, by rule: a pull request belongs to a rule when its head
/// branch is the rule's sync branch at some version (the settings' `branch_template` with any
/// `{version}`; with the default template, `<namespace>-sync/v<version>/<rule-id>`), and the
/// newest (highest number) of them is the rule's.
package struct SyncPullRequestIndex: Sendable {
    package var pulls: [PullRequest]
    package var settings: SyncSettings
    package var now: Date

    package init(pulls: [PullRequest], settings: SyncSettings, now: Date) {
        self.pulls = pulls
        self.settings = settings
        self.now = now
    }

    /// `sharedBranchID`: for a `pull_request: per_target` rule, the `{rule-id}` of the target's
    /// shared branch (`_target`): its pull request is the rule's.
    package func standing(of ruleID: String, sharedBranchID: String? = nil) -> SyncPullRequestStanding {
        let parts = Self.templateParts(ruleID: sharedBranchID ?? ruleID, settings: settings)
        let matching = pulls.filter { Self.matches(Substring($0.head), parts[...]) }
        guard let newest = matching.max(by: { $0.number < $1.number }) else { return .notFound }
        return .found(SyncPullRequest(newest, now: now))
    }

    /// Whether `branch` is the sync branch of `ruleID` at some version.
    package static func isSyncBranch(_ branch: String, ruleID: String, settings: SyncSettings) -> Bool {
        matches(Substring(branch), templateParts(ruleID: ruleID, settings: settings)[...])
    }

    /// The rule's branch split where the version goes: the literal text around each `{version}`.
    static func templateParts(ruleID: String, settings: SyncSettings) -> [String] {
        let marker = "\u{1}"
        return settings.branch(version: marker, ruleID: ruleID).components(separatedBy: marker)
    }

    /// `branch` is `parts` joined by versions: each one or more characters, none of them `/`.
    static func matches(_ branch: Substring, _ parts: ArraySlice<String>) -> Bool {
        guard let first = parts.first, branch.hasPrefix(first) else { return false }
        let rest = branch.dropFirst(first.count)
        let remaining = parts.dropFirst()
        guard !remaining.isEmpty else { return rest.isEmpty }
        var end = rest.startIndex
        while end < rest.endIndex, rest[end] != "/" {
            end = rest.index(after: end)
            if matches(rest[end...], remaining) { return true }
        }
        return false
    }
}
