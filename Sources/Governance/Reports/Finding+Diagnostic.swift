import Diagnostics

extension Finding {
    /// The finding as the run shows it (annotation, SARIF result): its level as the severity,
    /// what is wrong, why and how to fix it, on its file and line.
    package func diagnostic(in policy: Policy) -> Diagnostic {
        Diagnostic(
            level == .error ? .error : .warning, AuditSARIF.message(for: self, in: policy),
            title: "Governance: \(ruleId)", at: location, ruleID: ruleId
        )
    }
}
