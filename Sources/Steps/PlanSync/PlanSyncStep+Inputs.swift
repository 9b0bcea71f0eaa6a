import ActionsRuntime
import SyncKit

extension PlanSyncStep {
    /// plan-sync's inputs; its definition lists them in this order, then `ForgeInputs.github`.
    enum Input {
        static let rulesDir: InputKey<String> = .string("rules-dir", "Folder of sync rule files (one sync_rule per YAML file; archived/ is skipped).", kind: .path, default: "core/orchestrator/distribution/rules")
        static let targetsFile: InputKey<String?> = .path("targets-file", "sync_targets.yml: `repository:` list; each listed repository without a rule gets the default rule.", default: "sync_targets.yml")
        static let settings: InputKey<String?> = .path("settings", "Settings file (namespace, branch template, source root, internal globs, staleness, default rule).", default: ".github/flash-sync/settings.yml")
        static let mode: InputKey<SyncMode> = .choice("mode", "full (every matched file), incremental (files whose rendered checksum differs from the target's sync state) or delta (files changed since the previous release).", as: SyncMode.self, default: "incremental")
        static let targetRepos: InputKey<[String]> = .list("target-repos", "Only these targets (comma- or line-separated), or `all`.", default: "all")
        static let rules: InputKey<[String]> = .list("rules", "Rule ids to run (comma-separated); `all` runs every rule. On workflow_dispatch, manual rules run too.", default: "")
        static let force: InputKey<Bool> = .boolean("force", "Recorded in the plan: later steps override validation warnings, drift blocks and edited sync branches.", default: "false")
        static let version: InputKey<String?> = .optionalString("version", "Release version to stamp. Default: the release tag, or the latest version tag (with +SHA when HEAD is past it).", default: "")
        static let maxShards: InputKey<Int> = .integer("max-shards", "Most shards in the matrix; targets are balanced by file count.", in: 1...256, default: "4")
        static let state: InputKey<String?> = .path("state", "JSON file of the targets' recorded sync state ({repo: {version, files: {path: {sha256, rule}}}}), instead of reading it from the forge.", default: "")
        /// plan-sync's own `forge` (its text, an empty default: no state), read by `ForgeSelection` too.
        static let forge: InputKey<String> = .string("forge", "Read each target's sync state from this forge (`github` or `local:DIR`) for incremental mode, orphans and catch-up. Empty: no state (every file is new).", default: "")
        static let sourceRepo: InputKey<String?> = .optionalString("source-repo", "The upstream repository (owner/name). Default: GITHUB_REPOSITORY.", default: "")
        static let planDir: InputKey<String?> = .path("plan-dir", "Folder for plan.json and its blob store. Default: RUNNER_TEMP/flash-sync/plan.", default: "", writes: true)
    }

    enum Output {
        static let plan = OutputKey("plan", "Path of plan.json (contents in blobs/ beside it, by SHA-256).")
        static let matrix = OutputKey("matrix", "{\"include\":[{\"shard\":\"0\",\"targets\":\"org/a,org/b\"}]} for strategy.matrix.")
        static let targets = OutputKey("targets", "Comma-separated targets that have something to sync.")
        static let hasChanges = OutputKey("has-changes", "true when any target has a file to write or an orphan to consider.")
    }
}
