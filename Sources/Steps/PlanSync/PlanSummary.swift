import Diagnostics
import ActionsRuntime
import SyncKit

/// The job summary of plan-sync: a row per planned rule, what was skipped and why, the shards.
struct PlanSummary {
    var plan: Plan
    var shards: [PlanMatrix.Shard]
    var problems: [Diagnostic]

    static let rowLimit = 200

    func write(into summary: inout StepSummary) {
        let rules = plan.targets.flatMap { target in target.rules.map { (target.repository, $0) } }
        summary.heading("Sync plan: \(plan.version) · \(plan.event) · \(plan.mode.rawValue)")
        summary.paragraph("Source: `\(plan.sourceRepository)` at \(plan.source). \(plan.fileCount) file\(plan.fileCount == 1 ? "" : "s") for \(rules.count) rule\(rules.count == 1 ? "" : "s") in \(plan.targets.count) target\(plan.targets.count == 1 ? "" : "s"); \(shards.count) shard\(shards.count == 1 ? "" : "s").")
        if !problems.isEmpty {
            summary.heading("Problems", level: 3)
            summary.table(["rule", "file", "problem"], problems.map { [$0.ruleID ?? "", $0.file ?? "", $0.message] })
        }
        if !rules.isEmpty {
            summary.table(["rule", "target", "files", "orphans", "strategy", "frequency", "why selected"], rules.prefix(Self.rowLimit).map { repository, rule in
                [rule.ruleID, repository, String(rule.files.count), String(rule.orphans.count), rule.strategy.rawValue, rule.frequency.rawValue, rule.selectedBecause]
            })
            if rules.count > Self.rowLimit { summary.paragraph("… and \(rules.count - Self.rowLimit) more rules (all in plan.json).") }
        }
        let selected = rules.filter { $0.1.targetSelectedBy != nil }
        if !selected.isEmpty {
            let rows = selected.prefix(Self.rowLimit).map { repository, rule in [rule.ruleID, repository, rule.targetSelectedBy ?? ""] }
            var body = "| rule | target | chosen by |\n|---|---|---|\n" + rows.map { "| " + $0.map(StepSummary.cell).joined(separator: " | ") + " |" }.joined(separator: "\n")
            if selected.count > Self.rowLimit { body += "\n\n… and \(selected.count - Self.rowLimit) more (all in plan.json)." }
            summary.details("Targets from target_repos (\(selected.count))", body)
        }
        let skippedFiles = rules.flatMap { repository, rule in rule.skippedFiles.map { (repository, rule.ruleID, $0) } }
        if !skippedFiles.isEmpty {
            let reasons = Dictionary(grouping: skippedFiles, by: { $0.2.reason }).sorted { $0.value.count > $1.value.count }
            summary.details("Files not planned (\(skippedFiles.count))", reasons.map { "- \($0.value.count) × \($0.key)" }.joined(separator: "\n"))
        }
        if !plan.skippedRules.isEmpty {
            let rows = plan.skippedRules.prefix(Self.rowLimit).map { [$0.ruleID, $0.repository, $0.reason] }
            var body = "| rule | target | why not |\n|---|---|---|\n" + rows.map { "| " + $0.map(StepSummary.cell).joined(separator: " | ") + " |" }.joined(separator: "\n")
            if plan.skippedRules.count > Self.rowLimit { body += "\n\n… and \(plan.skippedRules.count - Self.rowLimit) more." }
            summary.details("Rules not selected (\(plan.skippedRules.count))", body)
        }
        if !shards.isEmpty {
            summary.details("Matrix (\(shards.count) shards)", shards.map { "- shard \($0.index): \($0.files) files, \($0.targets.count) targets" }.joined(separator: "\n"))
        }
        if !plan.notes.isEmpty {
            summary.details("Notes (\(plan.notes.count))", plan.notes.map { "- \($0)" }.joined(separator: "\n"))
        }
    }
}
