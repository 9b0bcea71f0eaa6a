import SyncKit

/// One group of the digest: failed targets, conflicts, blocked rules, drift or deliveries.
package struct DigestSection: Sendable {
    package enum Kind: String, Sendable, CaseIterable {
        case failed, conflicts, blocked, drift, delivered, skipped

        package var title: String {
            switch self {
            case .failed: "Failed"
            case .conflicts: "Conflicts to resolve"
            case .blocked: "Blocked rules"
            case .drift: "Drift"
            case .delivered: "Pull requests opened or updated"
            case .skipped: "Skipped"
            }
        }

        package var emoji: String {
            switch self {
            case .failed: "❌"
            case .conflicts: "⚔️"
            case .blocked: "⛔"
            case .drift: "🌊"
            case .delivered: "✅"
            case .skipped: "⏭️"
            }
        }

        /// What a person should do, shown under the title.
        package var action: String? {
            switch self {
            case .failed: "Read the message and the run log, fix the cause, then re-run the sync."
            case .conflicts: "Resolve the conflict markers in the pull request; it is never auto-merged."
            case .blocked: "Fix what validation reported, or re-run with force when it is a warning."
            case .drift: "Re-sync, or move the downstream edits into .agent33-overrides/."
            case .delivered, .skipped: nil
            }
        }

        func countNoun(plural: Bool) -> String {
            switch self {
            case .failed: "failed"
            case .conflicts: plural ? "conflicts" : "conflict"
            case .blocked: plural ? "blocked rules" : "blocked rule"
            case .drift: plural ? "repositories drifted" : "repository drifted"
            case .delivered: "delivered"
            case .skipped: "skipped"
            }
        }
    }

    package var kind: Kind
    package var items: [DigestItem]
}

/// One line of a section: what it is about, a link, and detail lines.
package struct DigestItem: Sendable, Equatable {
    package struct Link: Sendable, Equatable {
        package var label: String
        package var url: String
    }

    /// `org/webapp` or a rule id.
    package var subject: String
    /// The rule (for targets) or repository (for blocked rules), shown after the subject.
    package var qualifier: String?
    package var link: Link?
    package var details: [String]

    /// At most this many detail lines per item (files, conflict ranges); the rest are counted.
    static let detailLimit = 10

    static func failure(_ target: TargetResult) -> DigestItem {
        DigestItem(
            subject: target.repository, qualifier: target.ruleID, link: target.pullRequest.map(pullRequestLink),
            details: [target.message ?? "failed without a message; see the run log"]
        )
    }

    static func conflict(_ target: TargetResult) -> DigestItem {
        let ranges = target.conflicts.map { "\($0.path) lines \($0.startLine)–\($0.endLine)" }
        return DigestItem(
            subject: target.repository, qualifier: target.ruleID, link: target.pullRequest.map(pullRequestLink),
            details: limited(ranges.isEmpty ? [target.message ?? "conflicts reported without locations"] : ranges)
        )
    }

    static func blocked(_ rule: BlockedRule) -> DigestItem {
        DigestItem(subject: rule.ruleID, qualifier: nil, link: nil, details: [rule.reason])
    }

    static func blocked(_ rule: BlockedRule, repository: String) -> DigestItem {
        DigestItem(subject: rule.ruleID, qualifier: repository, link: nil, details: [rule.reason])
    }

    static func drift(_ report: DriftReport) -> DigestItem {
        DigestItem(
            subject: report.repository, qualifier: nil,
            link: report.issueURL.map { Link(label: "drift issue", url: $0) },
            details: limited(report.files)
        )
    }

    static func delivery(_ target: TargetResult) -> DigestItem {
        var detail = "\(target.status.rawValue): \(target.files.added) added, \(target.files.modified) modified, \(target.files.removed) removed"
        if target.pullRequest?.autoMerge == true { detail += "; auto-merge on" }
        if let message = target.message { detail += "; " + message }
        return DigestItem(subject: target.repository, qualifier: target.ruleID, link: target.pullRequest.map(pullRequestLink), details: [detail])
    }

    private static func pullRequestLink(_ pullRequest: PullRequestReference) -> Link {
        Link(label: "PR #\(pullRequest.number)", url: pullRequest.url)
    }

    private static func limited(_ lines: [String]) -> [String] {
        guard lines.count > detailLimit else { return lines }
        return Array(lines.prefix(detailLimit)) + ["+\(lines.count - detailLimit) more"]
    }
}
