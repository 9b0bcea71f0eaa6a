import Diagnostics
import SyncCore

/// The audit as a SARIF 2.1.0 log for code scanning: one reporting descriptor per active rule
/// (help = remediation, helpUri = policy_url) and one result per counted finding.
/// Exempted findings are left out; they are in the JSON report and the summary.
package enum AuditSARIF {
    package static let toolName = "flash-sync governance-audit"

    package static func log(_ result: AuditResult, toolVersion: String? = nil) -> SARIFLog {
        var descriptors = result.policy.activeRules.map(descriptor)
        if result.findings.contains(where: { $0.ruleId == AuditResult.expiredExemptionRuleId }) {
            descriptors.append(SARIFReportingDescriptor(
                id: AuditResult.expiredExemptionRuleId, name: AuditResult.expiredExemptionRuleId,
                shortDescription: "Exemptions are renewed or removed before they expire.",
                help: SARIFMessage(AuditResult.expiredExemptionRemediation, markdown: "**How to fix:** " + AuditResult.expiredExemptionRemediation),
                level: .error, tags: ["governance", "exemption"]
            ))
        }
        let indexes = Dictionary(uniqueKeysWithValues: descriptors.enumerated().map { ($1.id, $0) })
        let results = result.findings.map { finding in
            SARIFResult(finding.diagnostic(in: result.policy), ruleIndex: indexes[finding.ruleId])
        }
        let driver = SARIFToolComponent(name: toolName, version: toolVersion, rules: descriptors)
        return SARIFLog(runs: [SARIFRun(tool: SARIFTool(driver: driver), results: results)])
    }

    /// What is wrong, why it matters (the rule) and how to fix it, in one message.
    package static func message(for finding: Finding, in policy: Policy) -> String {
        guard let rule = policy.rule(finding.ruleId) else {
            return "\(capitalized(finding.message)) How to fix: \(AuditResult.expiredExemptionRemediation)"
        }
        return "\(capitalized(finding.message)) Why: \(rule.summary) How to fix: \(rule.remediation)"
    }

    private static func descriptor(_ rule: PolicyRule) -> SARIFReportingDescriptor {
        var markdown = "**How to fix:** \(rule.remediation)"
        if let url = rule.policyURL { markdown += "\n\nPolicy: [\(url)](\(url))" }
        return SARIFReportingDescriptor(
            id: rule.id, name: rule.id, shortDescription: rule.summary,
            fullDescription: "\(rule.summary) (rule type \(rule.type.rawValue), defined at \(rule.file):\(rule.line))",
            helpUri: rule.policyURL, help: SARIFMessage(rule.remediation, markdown: markdown),
            level: level(rule.level), tags: ["governance", rule.type.rawValue]
        )
    }

    static func level(_ level: RuleLevel) -> SARIFLevel {
        switch level {
        case .error: .error
        case .warning: .warning
        case .off: .none
        }
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
