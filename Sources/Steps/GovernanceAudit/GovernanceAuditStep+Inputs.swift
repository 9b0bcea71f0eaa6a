import ActionsRuntime

extension GovernanceAuditStep {
    /// governance-audit's inputs, in the order its definition lists them.
    enum Input {
        static let policy: InputKey<String?> = .path("policy", "Policy file (YAML), relative to the repository. Empty: \(GovernanceAuditStep.defaultPolicyPath) if it exists, else the built-in default policy.", default: "")
        static let exemptions: InputKey<String?> = .path("exemptions", "Exemptions file (YAML), relative to the repository. Empty: \(GovernanceAuditStep.defaultExemptionsPath) if it exists, else none.", default: "")
        static let repositoryPath: InputKey<String> = .string("repository-path", "The repository checkout to audit.", kind: .path, default: ".")
        static let sarifPath: InputKey<String?> = .path("sarif-path", "Where to write the SARIF 2.1.0 log. Default: RUNNER_TEMP/flash-sync/governance-audit.sarif (.flash-sync/ locally).", default: "", writes: true)
        static let reportPath: InputKey<String?> = .path("report-path", "Where to write the JSON report. Default: RUNNER_TEMP/flash-sync/governance-audit.json (.flash-sync/ locally).", default: "", writes: true)
    }

    enum Output {
        static let passed = OutputKey("passed", "true when no error-level finding remains after exemptions.")
        static let errors = OutputKey("errors", "Number of error-level findings.")
        static let warnings = OutputKey("warnings", "Number of warning-level findings.")
        static let sarif = OutputKey("sarif", "Path of the SARIF log (for github/codeql-action/upload-sarif).")
        static let report = OutputKey("report", "Path of the JSON report.")
    }
}
