import ActionsRuntime

extension ValidateSecretsStep {
    /// validate-secrets' inputs, in the order its definition lists them.
    enum Input {
        /// Read by `SecretRegistry` too, for every step that declares it.
        static let secretsSpec: InputKey<String?> = .path("secrets-spec", "Path of the secrets specification (YAML). Empty: the built-in specification (GITHUB_TOKEN, API_TOKEN, EXTERNAL_API_TOKEN, ENCRYPTION_KEY required; SLACK_WEBHOOK, NOTIFICATION_EMAIL optional).", default: "")
        static let liveCheck: InputKey<Bool> = .boolean("live-check", "Also GET the source and each target repository with the token: access, push permission, rate limit and scopes.", default: "false")
        static let sourceRepo: InputKey<String?> = .optionalString("source-repo", "The upstream repository (owner/name) the live check reads. Default: GITHUB_REPOSITORY.", default: "")
        static let targetRepos: InputKey<[String]> = .list("target-repos", "Repositories (owner/name, comma- or line-separated) the live check needs push access to.", default: "")
        static let timeout: InputKey<Int> = .integer("timeout", "Seconds each live-check request may take.", in: 1...300, default: "15")
        static let reportPath: InputKey<String?> = .path("report-path", "Where to write the JSON report. Default: RUNNER_TEMP/flash-sync/validate-secrets.json (.flash-sync/ locally).", default: "", writes: true)
    }

    enum Output {
        static let valid = OutputKey("valid", "true when every required secret is present and valid (and, with live-check, every repository is reachable).")
        static let missing = OutputKey("missing", "Comma-separated names of required secrets that are not set.")
        static let report = OutputKey("report", "Path of the JSON report.")
    }
}
