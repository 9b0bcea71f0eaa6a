import Foundation
import SyncKit

/// The specification's downstream registry table, rendered from every rule's health and its newest
/// sync pull request, with totals at the top: a Markdown document to commit upstream, and the same
/// table for the job summary. No run time in it: for an unchanged fleet only the pull requests'
/// ages (whole days) move, so committing it changes something when the fleet did, or a day passed
/// with a sync pull request in it.
package struct DownstreamRegistry: Sendable {
    package var rows: [RuleHealth]
    package var sourceRepository: String
    /// Repositories selectors chose that the rules leave out (RuleSet.skippedTargets): listed, so
    /// a target that stops being watched says so where its row used to be.
    package var leftOut: [SkippedRule]

    package init(rows: [RuleHealth], sourceRepository: String, leftOut: [SkippedRule] = []) {
        self.rows = rows.sorted { ($0.repository, $0.rule.id) < ($1.repository, $1.rule.id) }
        self.sourceRepository = sourceRepository
        self.leftOut = leftOut.sorted { ($0.repository.lowercased(), $0.ruleID) < ($1.repository.lowercased(), $1.ruleID) }
    }

    package static let headers = ["Repo", "Sync Rule ID", "Strategy", "Frequency", "Last Sync", "Version", "Status", "Sync PR", "PR State", "PR Age"]

    /// Table cells, row by row, in the specification's column order, then the rule's newest sync
    /// pull request: its link, its state and its age.
    package var cells: [[String]] {
        rows.map { row -> [String] in
            let health: [String] = ["`\(row.repository)`", "`\(row.rule.id)`", row.rule.strategy.rawValue, row.rule.frequency.rawValue,
                                    row.lastSync ?? "never", row.version ?? "n/a", row.status.rawValue]
            return health + Self.pullRequestCells(row.pullRequest)
        }
    }

    static func pullRequestCells(_ standing: SyncPullRequestStanding) -> [String] {
        switch standing {
        case .unknown: ["unknown", "n/a", "n/a"]
        case .notFound: ["none", "n/a", "n/a"]
        case .found(let pull): ["[#\(pull.number)](\(pull.url))", pull.state.rawValue, pull.ageDays.map { "\($0) day\($0 == 1 ? "" : "s")" } ?? "n/a"]
        }
    }

    /// Each target's status: the worst of its rules'.
    package var targetStatuses: [String: RegistryStatus] {
        let order = RegistryStatus.allCases
        var result: [String: RegistryStatus] = [:]
        for row in rows {
            if let known = result[row.repository], order.firstIndex(of: known)! <= order.firstIndex(of: row.status)! { continue }
            result[row.repository] = row.status
        }
        return result
    }

    /// Rules whose newest sync pull request is open.
    package var openPullRequests: Int {
        rows.filter { $0.pullRequest.pullRequest?.state == .open }.count
    }

    /// The totals line: targets by status (each under its worst rule), and the open sync PRs.
    package var totals: String {
        let statuses = Array(targetStatuses.values)
        let preferred: [RegistryStatus] = [.current, .behind, .stale, .drifted, .failing]
        let order = preferred + RegistryStatus.allCases.filter { !preferred.contains($0) }
        let counts = order.map { status in "\(statuses.filter { $0 == status }.count) \(status.rawValue.lowercased())" }.joined(separator: ", ")
        let open = openPullRequests
        return "**Totals:** \(statuses.count) target\(statuses.count == 1 ? "" : "s"): \(counts); \(open) open sync PR\(open == 1 ? "" : "s")."
    }

    /// The table alone.
    package var table: String {
        var lines = ["| " + Self.headers.joined(separator: " | ") + " |", "|" + Self.headers.map { _ in "---" }.joined(separator: "|") + "|"]
        lines += cells.map { "| " + $0.joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The files teams declined, one row each; empty when none is.
    package var declinedSection: String {
        let declined = rows.flatMap { row in row.declined.map { (row, $0) } }
        guard !declined.isEmpty else { return "" }
        var lines = ["## Declined downstream", "", "Synced files a team keeps as they are (`declined.yml` in its overrides folder); not drift, never proposed again until upstream changes a file declined at one version.", "",
                     "| Repo | Sync Rule ID | File | Upstream Version | Reason |", "|---|---|---|---|---|"]
        for (row, change) in declined {
            lines.append("| `\(row.repository)` | `\(row.rule.id)` | `\(MarkdownText.code(change.path))` | \(change.upstreamSHA256.map { "`\($0.prefix(12))`" } ?? "every") | \(MarkdownText.cell(change.reason)) |")
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// The repositories selectors chose and the rules left out, one row each; empty when none is.
    package var leftOutSection: String {
        guard !leftOut.isEmpty else { return "" }
        var lines = ["## Left out", "", "Repositories a `target_repos` selector chose that a rule is not synced to, and why: neither synced nor watched for drift until that changes.", "",
                     "| Repo | Sync Rule ID | Why |", "|---|---|---|"]
        for row in leftOut {
            lines.append("| `\(row.repository)` | `\(row.ruleID)` | \(MarkdownText.cell(row.reason)) |")
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// The whole document.
    package var markdown: String {
        var counts: [RegistryStatus: Int] = [:]
        for row in rows { counts[row.status, default: 0] += 1 }
        let tally = RegistryStatus.allCases.compactMap { status in counts[status].map { "\($0) \(status.rawValue.lowercased())" } }.joined(separator: ", ")
        return """
        # Downstream Registry

        All downstream repositories consuming \(sourceRepository) assets: \(rows.count) rule\(rows.count == 1 ? "" : "s") in \(Set(rows.map(\.repository)).count) repositor\(Set(rows.map(\.repository)).count == 1 ? "y" : "ies")\(tally.isEmpty ? "" : " (\(tally))").

        \(totals)

        \(table)
        Status: **Current** synced at the latest release; **Behind** a release behind, within the thresholds; **Stale** past a staleness threshold (days since the last sync, or releases missed); **Drifted** synced files changed outside the overrides folder; **Failing** too many consecutive failed syncs; **Never synced** no sync state in the target yet.

        Sync PR: the rule's newest sync pull request in the target (none: no recent one). PR State: **open**, **merged**, or **closed unmerged** (superseded by a newer sync, or declined). PR Age: days since it was opened, or since it was merged or closed. Totals count each target once, under its worst rule, and the rules whose newest sync pull request is open.

        \(declinedSection)\(leftOutSection)_Generated by flash-sync detect-drift from each target's sync state._

        """
    }
}
