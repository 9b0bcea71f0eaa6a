import ActionsRuntime

extension DetectDriftStep {
    /// detect-drift's inputs; its definition lists them in this order, with `ForgeInputs.forge`
    /// after `targetRepos` and `ForgeInputs.github` at the end.
    enum Input {
        static let rulesDir: InputKey<String> = .string("rules-dir", "Folder of sync rule files (as plan-sync).", kind: .path, default: "core/orchestrator/distribution/rules")
        static let targetsFile: InputKey<String?> = .path("targets-file", "sync_targets.yml (as plan-sync).", default: "sync_targets.yml")
        static let settings: InputKey<String?> = .path("settings", "Settings file: namespace and the staleness thresholds.", default: ".github/flash-sync/settings.yml")
        static let targetRepos: InputKey<[String]> = .list("target-repos", "Only these targets (comma- or line-separated), or `all`.", default: "all")
        static let history: InputKey<String?> = .path("history", "Folder of earlier runs' results JSON files (open-sync-pr's results), in name order oldest to newest, for consecutive failures.", default: "")
        static let sourceRepo: InputKey<String?> = .optionalString("source-repo", "The upstream repository, named in the registry. Default: GITHUB_REPOSITORY.", default: "")
        static let registryPath: InputKey<String?> = .path("registry-path", "Where to write the downstream registry (Markdown) to commit upstream. Default: RUNNER_TEMP/flash-sync/registry.md.", default: "", writes: true)
        static let alertsPath: InputKey<String?> = .path("alerts-path", "Where to write the sync_alert entries (YAML). Default: RUNNER_TEMP/flash-sync/alerts.yaml.", default: "", writes: true)
        static let failOnDrift: InputKey<Bool> = .boolean("fail-on-drift", "Exit 1 when any target has drifted (by default drift is reported, and the step passes).", default: "false")
    }

    enum Output {
        static let drifted = OutputKey("drifted", "Comma-separated targets with drifted files (empty: none).")
        static let driftedFiles = OutputKey("drifted-files", "Number of drifted files across the targets.")
        static let stale = OutputKey("stale", "Comma-separated rule ids past a staleness threshold or never synced.")
        static let failing = OutputKey("failing", "Comma-separated rule ids with more consecutive failures than allowed.")
        static let alerts = OutputKey("alerts", "Path of the alerts file (YAML list of sync_alert).")
        static let registry = OutputKey("registry", "Path of the downstream registry (Markdown).")
    }
}
