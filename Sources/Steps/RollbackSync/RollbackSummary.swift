import ActionsRuntime
import Delivery

/// The job summary of rollback-sync.
struct RollbackSummary {
    var repository: String
    var outcome: RollbackOutcome

    func write(into summary: inout StepSummary) {
        let sync = outcome.reverted
        summary.heading("Rollback: \(sync.ruleID) \(sync.version) in \(repository) · validation \(outcome.passed ? "passed" : "failed")")
        summary.table(["", ""], [
            ["reverted merge commit", "`\(sync.shortID)`"],
            ["restored to", outcome.restoredTo],
            ["branch", "`\(outcome.branch)`"],
            ["pull request", "[#\(outcome.pullRequest.number)](\(outcome.pullRequest.url))"],
            ["upstream issue", "[#\(outcome.issue.number)](\(outcome.issue.url))"],
        ])
        summary.table(["check", "status", "details"], outcome.checks.map { [$0.check.title, $0.status.rawValue, $0.details] })
        summary.details("Files restored (\(outcome.restored.count))", outcome.restored.keys.sorted().map { "- `\($0)`" + (outcome.restored[$0]! == nil ? " (removed)" : "") }.joined(separator: "\n"))
        summary.heading("Logged in DECISIONS.md", level: 3)
        summary.raw(outcome.decisionEntry.trimmingCharacters(in: .newlines))
    }
}
