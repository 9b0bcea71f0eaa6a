import ActionsRuntime
import Diagnostics
import Forge
import Foundation

/// The `forge` input and the GitHub forge's settings, shared by every step that reaches targets.
/// Its inputs are declared in `ForgeInputs`.
enum ForgeSelection {
    static let tokenVariable = "GITHUB_TOKEN"

    /// The forge of the step's `forge` input (`ForgeInputs.forge`, or the step's own), guarded:
    /// every text it sends is masked with the step's secrets, and in a replay its writes are
    /// recorded, never sent.
    static func make(_ session: StepSession, forge input: InputKey<String>) throws -> any Forge {
        let forge = try unguarded(session, input: input)
        return GuardedForge(forge, redact: { session.redact($0) }, recordOnly: session.context.isReplay, note: { session.log($0) })
    }

    private static func unguarded(_ session: StepSession, input: InputKey<String>) throws -> any Forge {
        let value = try session.inputs(input)
        guard !value.isEmpty else { throw Diagnostic.configuration("No forge given: set forge to github or local:DIR.") }
        if value.hasPrefix("local:") {
            let path = String(value.dropFirst("local:".count))
            guard !path.isEmpty else { throw Diagnostic.configuration("forge 'local:' needs a folder: local:DIR.") }
            let url = session.context.url(forPath: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw Diagnostic.configuration("forge folder \(url.path) does not exist.")
            }
            return LocalForge(root: url, gitEnvironment: session.context.gitEnvironment, now: session.context.now)
        }
        guard value == "github" else {
            throw Diagnostic.configuration("forge '\(value)' is not a forge: use github or local:DIR.")
        }
        return try github(session)
    }

    private static func github(_ session: StepSession) throws -> GitHubForge {
        let environment = session.context.environment
        guard let token = environment[tokenVariable], !token.isEmpty else {
            throw Diagnostic.configuration("forge github needs a token in \(tokenVariable) (the action's token input): a GitHub App token or a fine-grained token with contents, pull-requests and issues write on the targets.")
        }
        let inputs = session.inputs
        let budget = try inputs(ForgeInputs.githubRequestBudget)
        let interval = try pacing(session).interval
        let folder = try inputs(ForgeInputs.githubCache).map(session.context.url(forPath:))
            ?? session.context.scratchDirectory.appendingPathComponent("github-cache")
        let effects = session.context.httpEffects
        let client: GitHubClient
        do {
            client = try GitHubClient(
                apiURL: environment["GITHUB_API_URL"] ?? "https://api.github.com", graphQLURL: environment["GITHUB_GRAPHQL_URL"], token: token,
                meter: RequestMeter(budget: budget == 0 ? nil : budget, mutationInterval: interval, clock: effects.now), effects: effects
            )
        } catch {
            throw Diagnostic.configuration(error.description)
        }
        let cache: ResponseCache
        if session.context.isReplay {
            // A replay keeps its reads in memory: the recorded run's cache folder is left as it was.
            cache = try ResponseCache()
        } else {
            do {
                cache = try ResponseCache(folder: folder)
            } catch {
                session.log("warning: cannot use \(folder.path) as the GitHub cache (\(error)); reads are not cached across runs.")
                cache = try ResponseCache()
            }
        }
        // FLASH_SYNC_GITHUB_BATCH_READS=false reads every target over REST, and
        // FLASH_SYNC_GITHUB_COMMIT_MUTATION=false commits through the Git Data API only (docs/operations.md).
        return GitHubForge(client: client, cache: cache, batchReads: environment["FLASH_SYNC_GITHUB_BATCH_READS"] != "false",
                           commitMutation: environment["FLASH_SYNC_GITHUB_COMMIT_MUTATION"] != "false")
    }

    /// The job's share of GitHub's write limits, from `github-parallel-jobs` and `github-write-interval`.
    static func pacing(_ session: StepSession) throws -> FleetPacing {
        let inputs = session.inputs
        let text = try inputs(ForgeInputs.githubWriteInterval)
        guard let interval = Double(text), interval >= 0, interval <= 60 else {
            throw Diagnostic.configuration("github-write-interval '\(text)' is not a number of seconds between 0 and 60.")
        }
        var budget: Int?
        if let text = try inputs(ForgeInputs.githubWriteBudget) {
            guard let value = Int(text), value >= 0 else {
                throw Diagnostic.configuration("github-write-budget '\(text)' is not a number of writes (0 for no limit).")
            }
            budget = value
        }
        return FleetPacing(parallelJobs: try inputs(ForgeInputs.githubParallelJobs), requestedInterval: interval, writeBudget: budget)
    }

    /// Whether the forge in use is GitHub (whose write limits the job shares).
    static func isGitHub(_ forge: any Forge) -> Bool {
        github(in: forge) != nil
    }

    /// The GitHub forge under the guard, if that is the forge in use.
    private static func github(in forge: any Forge) -> GitHubForge? {
        ((forge as? GuardedForge)?.base ?? forge) as? GitHubForge
    }

    /// The calls a GitHub forge made, and what it could not do but did not fail on, in the log and summary.
    static func report(_ forge: any Forge, _ session: StepSession) {
        guard let github = github(in: forge) else { return }
        for notice in github.notices { session.emit(Diagnostic(.warning, notice, title: "GitHub")) }
        let usage = github.usage
        session.log("GitHub API: " + usage.line)
        session.summarize { summary in
            summary.heading("GitHub API calls", level: 3)
            var rows = [
                ["requests", String(usage.requests)], ["reads", String(usage.reads)], ["not modified (304)", String(usage.notModified)],
                ["mutating", String(usage.mutating)], ["cached git objects", String(usage.cacheHits)], ["retries", String(usage.retries)],
                ["rate-limit waits", "\(usage.rateLimitWaits) (\(Int(usage.rateLimitWaitSeconds.rounded())) s)"],
            ]
            if let remaining = usage.rateLimitRemaining, let limit = usage.rateLimitLimit { rows.append(["rate limit left", "\(remaining) of \(limit)"]) }
            summary.table(["", "count"], rows)
        }
    }
}
