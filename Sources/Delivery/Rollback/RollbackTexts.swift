import Foundation
import Forge
import SyncKit

/// The rollback's commit message, pull request and upstream issue.
enum RollbackTexts {
    static func commitMessage(_ request: RollbackRequest, _ sync: MergedSync, restoredTo: String) -> String {
        """
        Roll back sync \(sync.ruleID) \(sync.version)

        This reverts merge commit \(sync.merge.id).
        Restored to: \(restoredTo).
        Reason: \(request.reason)

        \(MergedSyncFinder.rollbackTrailer)
        Sync-Rule: \(sync.ruleID)
        Reverts: \(sync.merge.id)
        """
    }

    static func pullRequestTitle(_ layout: SyncLayout, _ request: RollbackRequest, _ sync: MergedSync) -> String {
        "Roll back \(layout.namespace) sync: \(sync.ruleID) \(sync.version)"
    }

    static func issueTitle(_ request: RollbackRequest, _ sync: MergedSync) -> String {
        "Sync \(sync.ruleID) \(sync.version) rolled back in \(request.repository)"
    }

    static func pullRequestBody(_ request: RollbackRequest, _ sync: MergedSync, restoredTo: String, restored: [String: Data?], checks: [RollbackCheck], issue: ForgeIssue) -> String {
        var lines = [
            "## Rollback of sync \(sync.ruleID) \(sync.version)",
            "",
            "**Reason:** \(request.reason)",
            "",
            "This reverts merge commit `\(sync.shortID)` (\(sync.merge.message.split(separator: "\n").first ?? "")). Restored to: \(restoredTo).",
            "The follow-up in upstream is \(request.sourceRepository)#\(issue.number) (\(issue.url)); the decision is logged in DECISIONS.md.",
            "",
            "### Files",
            "",
            "| file | after the rollback |",
            "|---|---|",
        ]
        for (path, data) in restored.sorted(by: { $0.key < $1.key }) {
            lines.append("| `\(path)` | \(data == nil ? "removed (added by the sync)" : "restored") |")
        }
        lines += ["", "### Validation of the reverted state", ""] + checkTable(checks)
        return lines.joined(separator: "\n") + "\n"
    }

    static func issueBody(_ request: RollbackRequest, _ sync: MergedSync, restoredTo: String, checks: [RollbackCheck], pullRequest: PullRequest?) -> String {
        var lines = [
            "The sync of rule `\(sync.ruleID)` at \(sync.version) was rolled back in `\(request.repository)` by \(request.loggedBy).",
            "",
            "**What failed downstream:** \(request.reason)",
            "",
            "- Reverted merge commit: `\(sync.shortID)` (`\(sync.merge.id)`)",
            "- Restored to: \(restoredTo)",
            "- Rollback pull request: " + (pullRequest.map { "#\($0.number) \($0.url)" } ?? "being opened"),
            "",
            "### Validation of the reverted state",
            "",
        ]
        lines += checkTable(checks)
        lines += ["", "Fix the cause upstream before the next release reaches this repository, or exclude it from the rule until then."]
        return lines.joined(separator: "\n") + "\n"
    }

    static func checkTable(_ checks: [RollbackCheck]) -> [String] {
        var lines = ["| check | status | details |", "|---|---|---|"]
        for check in checks {
            lines.append("| \(check.check.title) | \(check.status.rawValue) | \(check.details) |")
        }
        let findings = checks.flatMap(\.findings)
        if !findings.isEmpty {
            lines += [""] + findings.map { "- `\($0)`" }
        }
        return lines
    }
}
