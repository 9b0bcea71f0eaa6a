import ActionsRuntime
import SyncKit

/// The job summary of open-sync-pr: a row per target and rule.
struct DeliverySummary {
    var results: [TargetResult]
    var version: String
    var dryRun: Bool

    static func icon(_ status: TargetResult.Status) -> String {
        switch status {
        case .opened: "🆕"
        case .updated: "🔄"
        case .unchanged: "✅"
        case .conflict: "⚠️"
        case .blocked: "⛔"
        case .failed: "❌"
        case .skipped: "➖"
        }
    }

    func write(into summary: inout StepSummary) {
        let counts = Dictionary(grouping: results, by: \.status).mapValues(\.count)
        let line = TargetResult.Status.allCases.compactMap { status in counts[status].map { "\($0) \(status.rawValue)" } }.joined(separator: ", ")
        summary.heading("Sync delivery: \(version)\(dryRun ? " (dry run)" : "") · \(line.isEmpty ? "nothing to do" : line)")
        guard !results.isEmpty else { return }
        summary.table(["target", "rule", "status", "pull request", "added", "modified", "removed", "conflicts", "note"], results.map { result in
            [result.repository, result.ruleID, "\(Self.icon(result.status)) \(result.status.rawValue)",
             result.pullRequest.map { "[#\($0.number)](\($0.url))" + ($0.autoMerge ? " (auto-merge)" : "") } ?? "",
             String(result.files.added), String(result.files.modified), String(result.files.removed),
             result.conflicts.map { "\($0.path):\($0.startLine)-\($0.endLine)" }.joined(separator: "<br>"),
             result.message ?? ""]
        })
    }
}
