import ActionsRuntime

extension ValidateSyncStep {
    /// validate-sync's inputs, in the order its definition lists them.
    enum Input {
        static let plan: InputKey<String?> = .path("plan", "plan.json written by plan-sync (its blobs/ folder beside it). Default: RUNNER_TEMP/flash-sync/plan/plan.json.", default: "")
        static let settings: InputKey<String?> = .path("settings", "Settings file (internal globs, internal markers and hosts for the secret scan).", default: ".github/flash-sync/settings.yml")
        static let allowlist: InputKey<String?> = .path("allowlist", "Secret-scan allowlist (known false positives, each with a reason). Used when the file exists.", default: ".github/flash-sync/secret-allowlist.yml")
        static let force: InputKey<Bool> = .boolean("force", "Let rules through whose checksum, link or schema checks failed (never secret findings).", default: "false")
        static let reportDir: InputKey<String?> = .path("report-dir", "Folder for the per-rule reports (<rule-id>.yaml), the SARIF file and the validated plan. Default: beside the plan, in validation/.", default: "", writes: true)
    }

    enum Output {
        static let passed = OutputKey("passed", "true when no rule is blocked.")
        static let report = OutputKey("report", "Folder of the per-rule validation reports (the specification's sync_validation YAML).")
        static let blockedRules = OutputKey("blocked-rules", "Comma-separated ids of rules blocked by checks 1-4, and of rules that depend on them.")
        static let plan = OutputKey("plan", "The validated plan: blocked rules removed, each rule's check results attached (blobs/ beside it).")
        static let sarif = OutputKey("sarif", "SARIF 2.1.0 file of every finding, for code scanning.")
    }
}
