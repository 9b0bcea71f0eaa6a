import ActionsRuntime

extension ValidateSecretsStep {
    /// validate-secrets' inputs, in the order its definition lists them.
    enum Input {
        /// Read by `SecretRegistry` too, for every step that declares it.
        static let secretsSpec: InputKey<String?> = .path("secrets-spec", "Path of the secrets specification (YAML). Empty: the built-in specification (GITHUB_TOKEN, API_TOKEN, EXTERNAL_API_TOKEN, ENCRYPTION_KEY required; SLACK_WEBHOOK, NOTIFICATION_EMAIL optional).", default: "")
        static let liveCheck: InputKey<Bool> = .boolean("live-check", "Also GET the source and each target repository with the token: access, push permission, rate limit and scopes; and, when a rule writes under .github/workflows/, whether the token can write workflow files.", default: "false")
        static let sourceRepo: InputKey<String?> = .optionalString("source-repo", "The upstream repository (owner/name) the live check reads. Default: GITHUB_REPOSITORY.", default: "")
        static let targetRepos: InputKey<[String]> = .list("target-repos", "Repositories (owner/name, comma- or line-separated) the live check needs push access to; `all` names none.", default: "")
        /// The rules, read as plan-sync reads them, so the live check knows whether any rule writes under .github/workflows/.
        static let rulesDir: InputKey<String> = .string("rules-dir", "Folder of sync rule files (as plan-sync). With live-check, a rule that can write under .github/workflows/ makes the check verify that the token can write workflow files. A missing default folder (and targets file) means no rules: nothing to verify.", kind: .path, default: "core/orchestrator/distribution/rules")
        static let targetsFile: InputKey<String?> = .path("targets-file", "sync_targets.yml (as plan-sync).", default: "sync_targets.yml")
        static let settings: InputKey<String?> = .path("settings", "Settings file (as plan-sync): the default rule of sync_targets.yml.", default: ".github/flash-sync/settings.yml")
        static let appPermissions: InputKey<String?> = .optionalString("app-permissions", "For a GitHub App token (ghs_, ghu_), which cannot read its own permissions: the permissions it was created with, as name:level pairs (workflows:write,contents:write; create-github-app-token's permission-workflows: write reads alike) or the JSON permissions object GitHub returned with the token. Without it the workflows permission is reported as not verified.", default: "")
        static let timeout: InputKey<Int> = .integer("timeout", "Seconds each live-check request may take.", in: 1...300, default: "15")
        static let reportPath: InputKey<String?> = .path("report-path", "Where to write the JSON report. Default: RUNNER_TEMP/flash-sync/validate-secrets.json (.flash-sync/ locally).", default: "", writes: true)
    }

    enum Output {
        static let valid = OutputKey("valid", "true when every required secret is present and valid (and, with live-check, every repository is reachable and the token can write the workflow files the rules write, as far as it can be verified).")
        static let missing = OutputKey("missing", "Comma-separated names of required secrets that are not set.")
        static let report = OutputKey("report", "Path of the JSON report.")
    }
}
