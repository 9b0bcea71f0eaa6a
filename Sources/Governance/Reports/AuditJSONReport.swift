import Foundation

/// The machine-readable report: totals, the policy chain, every rule with its counts, every
/// finding with its remediation, and the exempted findings.
package struct AuditJSONReport: Encodable {
    struct RuleEntry: Encodable {
        var id: String
        var level: RuleLevel
        var type: String
        var description: String
        var policyURL: String?
        var remediation: String
        var definedAt: String
        var findings: Int
        var exempted: Int

        enum CodingKeys: String, CodingKey {
            case id, level, type, description, policyURL = "policy_url", remediation, definedAt = "defined_at", findings, exempted
        }
    }

    struct FindingEntry: Encodable {
        var rule: String
        var level: RuleLevel
        var file: String
        var line: Int
        var column: Int?
        var message: String
        var remediation: String
        var policyURL: String?

        enum CodingKeys: String, CodingKey {
            case rule, level, file, line, column, message, remediation, policyURL = "policy_url"
        }
    }

    var passed: Bool
    var errors: Int
    var warnings: Int
    var policy: String
    var policies: [String]
    var rules: [RuleEntry]
    var findings: [FindingEntry]
    var exempted: [ExemptedFinding]
    var expiredExemptions: Int

    enum CodingKeys: String, CodingKey {
        case passed, errors, warnings, policy, policies, rules, findings, exempted, expiredExemptions = "expired_exemptions"
    }

    package init(_ result: AuditResult) {
        passed = result.passed
        errors = result.errors
        warnings = result.warnings
        policy = result.policy.file
        policies = result.policy.chain
        rules = result.policy.rules.map { rule in
            RuleEntry(
                id: rule.id, level: rule.level, type: rule.type.rawValue, description: rule.summary, policyURL: rule.policyURL,
                remediation: rule.remediation, definedAt: "\(rule.file):\(rule.line)",
                findings: result.findings(of: rule.id).count, exempted: result.exempted.count { $0.finding.ruleId == rule.id }
            )
        }
        findings = result.findings.map { finding in
            let rule = result.policy.rule(finding.ruleId)
            return FindingEntry(
                rule: finding.ruleId, level: finding.level, file: finding.file, line: finding.line, column: finding.column,
                message: finding.message, remediation: rule?.remediation ?? AuditResult.expiredExemptionRemediation, policyURL: rule?.policyURL
            )
        }
        exempted = result.exempted
        expiredExemptions = result.expiredExemptions
    }

    package func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
