import ActionsRuntime

/// The inputs `ForgeSelection` reads, declared alike (same text, kind and default) by every step
/// that reaches targets. open-sync-pr, detect-drift and rollback-sync declare `forge` as it is
/// here; plan-sync declares a `forge` of its own (its text, an empty default) and passes that
/// key to `ForgeSelection.make`.
enum ForgeInputs {
    static let forge: InputKey<String> = .string(
        "forge", "Where target repositories live: `github` (the API at GITHUB_API_URL, GITHUB_GRAPHQL_URL, with GITHUB_TOKEN) or `local:DIR` (bare git repositories DIR/<owner>/<name>.git and DIR/ledger.json: the demo, replays, tests).",
        default: "github"
    )

    static let githubRequestBudget: InputKey<Int> = .integer("github-request-budget", "Most GitHub API requests this job may send (retries included); 0 for no limit but the rate limit. Targets left when it is spent fail with a clear message.", in: 0...10_000_000, default: "0")
    static let githubWriteInterval: InputKey<String> = .string("github-write-interval", "Seconds between two mutating GitHub requests of this job (GitHub asks for at least 1).", default: "1")
    static let githubParallelJobs: InputKey<Int> = .integer("github-parallel-jobs", "Jobs of the matrix that write to GitHub at once (max-parallel): each takes its share of GitHub's 80 writes a minute and 500 an hour, so all together stay under both.", in: 1...256, default: "1")
    static let githubWriteBudget: InputKey<String?> = .optionalString("github-write-budget", "Writes this job may make in a run. Empty: its share of GitHub's 500 an hour (500 / github-parallel-jobs); 0: no limit (GitHub Enterprise Server with limits of its own).", default: "")
    static let githubCache: InputKey<String?> = .path("github-cache", "Folder for ETags and git objects read from GitHub, so unchanged reads come back 304 (keep it with actions/cache). Default: RUNNER_TEMP/flash-sync/github-cache.", default: "")

    /// The GitHub forge's knobs, declared by every step that takes `forge`, in this order.
    static let github: [InputSpec] = [
        githubRequestBudget.spec, githubWriteInterval.spec, githubParallelJobs.spec, githubWriteBudget.spec, githubCache.spec,
    ]
}
