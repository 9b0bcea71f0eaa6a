import ActionsRuntime

extension PreviewSyncStep {
    /// preview-sync's inputs; its definition lists them in this order, then `ForgeInputs.github`.
    enum Input {
        static let rulesDir = PlanSyncStep.Input.rulesDir
        static let targetsFile = PlanSyncStep.Input.targetsFile
        static let settings = PlanSyncStep.Input.settings
        static let allowlist = ValidateSyncStep.Input.allowlist
        static let base: InputKey<String?> = .optionalString("base", "Git ref the change is compared with. Default: the pull request's base commit from the event (a local run must name it).", default: "")
        static let version: InputKey<String?> = .optionalString("version", "Version the preview stamps files with. Default: the latest version tag, so only the change itself shows.", default: "")
        static let comment: InputKey<Bool> = .boolean("comment", "Keep one preview comment on the pull request (created once, then edited; deleted when the pull request no longer touches a synced file). Never on a pull request from a fork.", default: "true")
        static let pullRequest: InputKey<String?> = .optionalString("pull-request", "Number of the upstream pull request to comment on. Default: the event's.", default: "")
        static let sourceRepo = PlanSyncStep.Input.sourceRepo
        static let reportPath: InputKey<String?> = .path("report-path", "Where to write the preview (Markdown, the comment's text). Default: RUNNER_TEMP/flash-sync/preview.md.", default: "", writes: true)
    }

    enum Output {
        static let blocked = OutputKey("blocked", "Comma-separated ids of the rules validation would block.")
        static let conflicts = OutputKey("conflicts", "Number of conflicts the change would leave with downstream overrides or edits.")
        static let changedTargets = OutputKey("changed-targets", "Number of targets the change would write to.")
        static let report = OutputKey("report", "Path of the preview (Markdown).")
        static let comment = OutputKey("comment", "URL of the preview comment on the pull request, when there is one.")
    }
}
