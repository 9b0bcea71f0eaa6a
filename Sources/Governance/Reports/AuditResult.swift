/// What an audit found: the findings that count, those an exemption covers, and the totals
/// that decide the exit status.
package struct AuditResult: Sendable {
    /// The id of the findings about expired exemptions (not a rule of any policy).
    package static let expiredExemptionRuleId = "exemption-expired"
    package static let expiredExemptionRemediation =
        "Fix the findings the exemption covered, or renew it with a new reason and a later 'expires' date."

    package var policy: Policy
    /// Findings that count, in policy rule order, then by file and line.
    package var findings: [Finding]
    package var exempted: [ExemptedFinding]
    package var expiredExemptions: Int

    package init(policy: Policy, findings: [Finding], exempted: [ExemptedFinding], expiredExemptions: Int) {
        self.policy = policy
        let order = Dictionary(uniqueKeysWithValues: policy.rules.enumerated().map { ($1.id, $0) })
        self.findings = findings.sorted {
            (order[$0.ruleId] ?? .max, $0.file, $0.line, $0.column ?? 0) < (order[$1.ruleId] ?? .max, $1.file, $1.line, $1.column ?? 0)
        }
        self.exempted = exempted
        self.expiredExemptions = expiredExemptions
    }

    package var errors: Int { findings.count { $0.level == .error } }
    package var warnings: Int { findings.count { $0.level == .warning } }
    package var passed: Bool { errors == 0 }

    package func findings(of ruleId: String) -> [Finding] {
        findings.filter { $0.ruleId == ruleId }
    }
}

/// A finding that an exemption covers: reported, not counted.
package struct ExemptedFinding: Sendable, Equatable, Encodable {
    package var finding: Finding
    package var reason: String
    package var expires: String
    /// `file:line` of the exemption.
    package var exemption: String
}
