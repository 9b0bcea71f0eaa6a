import ActionsRuntime
import Foundation
import Governance

/// The job summary of `governance-audit`: the verdict, a table of every rule with its counts,
/// then each rule's findings with why and how to fix, and the exempted findings.
struct AuditSummary {
    /// Findings listed per rule; the rest are counted and left to the SARIF and JSON reports.
    static let findingsPerRule = 50

    var result: AuditResult

    func write(into summary: inout StepSummary) {
        let policy = result.policy
        summary.heading(result.passed
            ? "Governance audit ✅ passed" + (result.warnings > 0 ? " with \(plural(result.warnings, "warning"))" : "")
            : "Governance audit ❌ failed: \(plural(result.errors, "error")), \(plural(result.warnings, "warning"))")
        let chain = policy.chain.map { "`\($0)`" }
        summary.paragraph("Policy: \(chain.first ?? "`\(policy.file)`")" + (chain.count > 1 ? " (extends \(chain.dropFirst().joined(separator: " → ")))" : "") + ".")

        var rows: [[String]] = policy.rules.map { rule in
            let count = result.findings(of: rule.id).count
            let exempted = result.exempted.count { $0.finding.ruleId == rule.id }
            let status = rule.level == .off ? "off" : count == 0 ? "✅" : rule.level == .error ? "❌" : "⚠️"
            return [status, "`\(rule.id)`", rule.level.rawValue, String(count), String(exempted), rule.summary]
        }
        let expired = result.findings(of: AuditResult.expiredExemptionRuleId).count
        if expired > 0 {
            rows.append(["❌", "`\(AuditResult.expiredExemptionRuleId)`", "error", String(expired), "0", "Exemptions are renewed or removed before they expire."])
        }
        summary.table(["", "rule", "level", "findings", "exempted", "requires"], rows)

        let ruleIds = policy.rules.map(\.id) + [AuditResult.expiredExemptionRuleId]
        for id in ruleIds {
            let findings = result.findings(of: id)
            guard !findings.isEmpty else { continue }
            let rule = policy.rule(id)
            summary.heading("`\(id)`: \(plural(findings.count, rule?.level == .warning ? "warning" : "error"))", level: 3)
            var why = rule.map { "**Why:** \($0.summary) " } ?? ""
            why += "**How to fix:** \(rule?.remediation ?? AuditResult.expiredExemptionRemediation)"
            if let url = rule?.policyURL { why += " ([policy](\(url)))" }
            summary.paragraph(why)
            summary.table(["location", "finding"], findings.prefix(Self.findingsPerRule).map { ["`\($0.location)`", $0.message] })
            if findings.count > Self.findingsPerRule {
                summary.paragraph("… and \(findings.count - Self.findingsPerRule) more in the SARIF and JSON reports.")
            }
        }

        if !result.exempted.isEmpty {
            var table = StepSummary()
            table.table(["rule", "location", "reason", "expires", "exemption"], result.exempted.map {
                ["`\($0.finding.ruleId)`", "`\($0.finding.location)`", $0.reason, $0.expires, "`\($0.exemption)`"]
            })
            summary.details("\(plural(result.exempted.count, "exempted finding")) (not counted)", table.render().trimmingCharacters(in: .newlines))
        }
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
