import ActionsRuntime

extension OpenSyncPRStep {
    /// open-sync-pr's inputs; its definition lists them in this order, with `ForgeInputs.forge`
    /// after `maxShards` and `ForgeInputs.github` at the end.
    enum Input {
        static let plan: InputKey<String?> = .path("plan", "The validated plan (validate-sync's plan output). Default: RUNNER_TEMP/flash-sync/plan/validated-plan.json.", default: "")
        static let targets: InputKey<[String]> = .list("targets", "Targets of this job (the matrix entry's targets, comma-separated). Empty: every target of the plan, or the shard's.", default: "")
        static let shard: InputKey<String?> = .optionalString("shard", "Shard index from the matrix (with max-shards), when targets is empty.", default: "")
        static let maxShards: InputKey<Int> = .integer("max-shards", "The max-shards plan-sync used, to recompute the shard's targets.", in: 1...256, default: "4")
        static let changelog: InputKey<String?> = .path("changelog", "The upstream changelog, for each PR's excerpt (read at the plan's commit).", default: "CHANGELOG.md")
        static let force: InputKey<Bool> = .boolean("force", "Replace sync branches that were edited by hand.", default: "false")
        static let dryRun: InputKey<Bool> = .boolean("dry-run", "Work everything out and report it, but write nothing.", default: "false")
        static let requireValidation: InputKey<Bool> = .boolean("require-validation", "Deliver only rules validate-sync checked (its validated plan); a rule it blocked is never delivered. false delivers plan-sync's plan unchecked (local experiments, tests).", default: "true")
        static let resultsPath: InputKey<String?> = .path("results-path", "Where to write the results JSON. Default: RUNNER_TEMP/flash-sync/results[-<shard>].json.", default: "", writes: true)
    }

    enum Output {
        static let pullRequests = OutputKey("pull-requests", "JSON list of {repository, rule, number, url, status} for the PRs opened or updated.")
        static let conflicts = OutputKey("conflicts", "Number of conflicts left with markers for a human.")
        static let results = OutputKey("results", "Path of the results JSON (what happened per target and rule), read by notify.")
    }
}
