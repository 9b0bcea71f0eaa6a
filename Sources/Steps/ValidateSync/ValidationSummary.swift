import ActionsRuntime
import Diagnostics
import SyncKit

/// The job summary of validate-sync: a row per rule with the five checks, then the findings.
struct ValidationSummary {
    var outcome: PlanValidation.Outcome
    var version: String

    static func icon(_ status: CheckStatus) -> String {
        switch status {
        case .pass: "✅"
        case .warn: "⚠️"
        case .fail: "❌"
        case .skipped: "➖"
        }
    }

    func write(into summary: inout StepSummary) {
        let rows = outcome.plan.targets.flatMap { target in target.rules.map { (target.repository, $0) } } + outcome.blocked.map { ($0.repository, $0.rule) }
        let blocked = outcome.blocked.count
        summary.heading("Sync validation: \(version) · \(blocked == 0 ? "✅ nothing blocked" : "❌ \(blocked) rule\(blocked == 1 ? "" : "s") blocked")")
        summary.table(["rule", "target", "files", "checksum", "links", "schemas", "secrets", "version", "overall"], rows.sorted { $0.1.ruleID < $1.1.ruleID }.map { repository, rule in
            let validation = rule.validation
            func cell(_ check: ValidationCheck) -> String {
                guard let result = validation?.checks.first(where: { $0.name == check }) else { return "" }
                return "\(Self.icon(result.status)) \(result.details)"
            }
            let overall = validation.map { $0.blocked ? "❌ blocked" : "\(Self.icon($0.overall)) \($0.overall.rawValue)" } ?? ""
            return [rule.ruleID, repository, String(rule.files.count), cell(.checksum), cell(.linkIntegrity), cell(.schemaCheck), cell(.secretScan), cell(.versionTag), overall]
        })
        if !outcome.skippedDependents.isEmpty {
            summary.paragraph("Skipped because they depend on a blocked rule: \(outcome.skippedDependents.map { "`\($0)`" }.joined(separator: ", ")).")
        }
        if !outcome.findings.isEmpty {
            summary.heading("Findings (\(outcome.findings.count))", level: 3)
            summary.table(["check", "rule", "where", "finding"], outcome.findings.prefix(300).map {
                [$0.check.title, $0.ruleID, FileLocation(file: $0.file, line: $0.line).description, $0.message]
            })
            if outcome.findings.count > 300 { summary.paragraph("… and \(outcome.findings.count - 300) more in the SARIF file.") }
        }
    }
}
