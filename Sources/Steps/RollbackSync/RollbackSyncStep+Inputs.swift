import ActionsRuntime

extension RollbackSyncStep {
    /// rollback-sync's inputs; its definition lists them in this order, with `ForgeInputs.forge`
    /// after `settings` and `ForgeInputs.github` at the end.
    enum Input {
        static let targetRepo: InputKey<String> = .string("target-repo", "The downstream repository (owner/name).", required: true)
        static let rule: InputKey<String> = .string("rule", "The sync rule id whose sync to undo.", required: true)
        static let version: InputKey<String?> = .optionalString("version", "The sync version to undo (v2.4.0). Default: the latest merged sync of the rule.", default: "")
        static let reason: InputKey<String> = .string("reason", "Why: written to DECISIONS.md, the PR and the upstream issue.", required: true)
        static let sourceRepo: InputKey<String?> = .optionalString("source-repo", "The upstream repository for the follow-up issue (same forge). Default: GITHUB_REPOSITORY.", default: "")
        static let settings: InputKey<String?> = .path("settings", "Settings file, for the namespace (branch, labels, state folder).", default: ".github/flash-sync/settings.yml")
        static let force: InputKey<Bool> = .boolean("force", "Roll back even when later commits changed the same files (their changes to those files are undone too).", default: "false")
    }

    enum Output {
        static let reverted = OutputKey("reverted", "The merge commit that was reverted.")
        static let pullRequest = OutputKey("pull-request", "URL of the rollback pull request.")
        static let issue = OutputKey("issue", "URL of the upstream issue.")
        static let branch = OutputKey("branch", "The rollback branch.")
        static let validation = OutputKey("validation", "pass or fail: the validation of the reverted state.")
    }
}
