import Forge
import Foundation
import Steps
import SyncKit
import StepTestSupport
import TestSupport
import Testing

/// rollback-sync end to end: two releases synced and merged into a real downstream repository
/// (local forge and fake GitHub), the second rolled back.
@Suite("rollback-sync end to end")
struct RollbackSyncTests {
    static let api = SyncScenario.api
    static let paths = [SyncScenario.review, SyncScenario.summarize, SyncScenario.apiState]

    /// v1.0.0 and v1.1.0 synced and merged.
    struct TwoSyncs {
        var scenario: SyncScenario
        /// v1.0.0's synced files and state.
        let v1: [String: Data]
        /// The merge commit of v1.1.0's sync.
        let merge: String
    }

    static func twoSyncs(_ backend: ForgeBackend = .local) async throws -> TwoSyncs {
        var scenario = try await SyncScenario(targets: [api], clock: "2026-11-01T09:00:00Z", backend: backend)
        try await scenario.syncAndMerge("v1.0.0", targets: [api])
        let v1 = try await scenario.files(api, paths)
        try scenario.release("v1.1.0", edits: [
            "core/prompts/review.md": "# Review Prompt\n\nReview for correctness, then clarity, then tests.\n",
            "core/prompts/checklist.md": "# Checklist\n\nSee the [review prompt](review.md).\n",
        ])
        scenario.setClock("2026-11-10T09:00:00Z")
        let merges = try await scenario.syncAndMerge("v1.1.0", targets: [api])
        let v2 = try await scenario.files(api, paths + ["docs/agent33/prompts/checklist.md"])
        try #require(v2[SyncScenario.review] != v1[SyncScenario.review] && v2["docs/agent33/prompts/checklist.md"] != nil)
        return TwoSyncs(scenario: scenario, v1: v1, merge: try #require(merges[api]))
    }

    func rollback(_ scenario: inout SyncScenario, _ extra: [String] = []) async throws -> StepHarness.Result {
        scenario.setClock("2026-11-12T15:30:00Z")
        return try await scenario.harness.run(RollbackSyncStep.self, [
            "--target-repo", Self.api, "--rule", "sync-api-prompts", "--reason", "Schema validation failures in downstream CI",
            "--source-repo", SyncScenario.source,
        ] + scenario.forgeArguments + extra)
    }

    @Test("rolling back v1.1.0 restores v1.0.0's files and state on a rollback branch, logs the decision, opens the PR and the upstream issue", arguments: ForgeBackend.allCases)
    func rollsBackLatest(backend: ForgeBackend) async throws {
        var setup = try await Self.twoSyncs(backend)
        let result = try await rollback(&setup.scenario)
        let (scenario, v1, merge) = (setup.scenario, setup.v1, setup.merge)
        #expect(result.status == 0, "\(result.log)")
        #expect(result.output("reverted") == merge)
        let short = String(merge.prefix(7))
        let branch = "agent33-rollback/sync-api-prompts/\(short)"
        #expect(result.output("branch") == branch)
        #expect(result.output("validation") == "pass")

        let after = try await scenario.files(Self.api, branch: branch, Self.paths + ["docs/agent33/prompts/checklist.md", "DECISIONS.md"])
        for path in Self.paths { #expect(after[path] == v1[path], "\(path) differs from v1.0.0's") }
        #expect(after["docs/agent33/prompts/checklist.md"] == nil)
        let state = try SyncState.decode(try #require(after[SyncScenario.apiState]), path: "state")
        #expect(state.version == "v1.0.0")
        let decisions = String(decoding: try #require(after["DECISIONS.md"]), as: UTF8.self)
        Golden.check(decisions.replacingOccurrences(of: short, with: "MERGE"), named: "rollback-decisions.md")

        let issues = try scenario.issues(SyncScenario.source)
        try #require(issues.count == 1)
        let issue = issues[0]
        #expect(result.output("issue") == issue.url)
        #expect(issue.title == "Sync sync-api-prompts v1.1.0 rolled back in example-org/api-service")
        #expect(issue.labels == ["agent33-sync", "rollback"])
        #expect(decisions.contains("follow_up_issue: \"example-org/agent33#\(issue.number)\""))
        let pulls = try await scenario.forge.openPullRequests(Self.api, headPrefix: "agent33-rollback/")
        try #require(pulls.count == 1)
        #expect(result.output("pull-request") == pulls[0].url)
        #expect(issue.body.contains("Rollback pull request: #\(pulls[0].number) \(pulls[0].url)"))
        #expect(issue.body.contains("Schema validation failures in downstream CI"))
        #expect(pulls[0].title == "Roll back agent33 sync: sync-api-prompts v1.1.0")
        #expect(pulls[0].body.contains("| `docs/agent33/prompts/checklist.md` | removed (added by the sync) |"))
        #expect(pulls[0].body.contains("| Link integrity | pass |"))
        #expect(result.summary.contains("Rollback: sync-api-prompts v1.1.0 in example-org/api-service · validation passed"))
    }

    @Test("once the rollback is merged, the main branch equals v1.0.0's sync again and a second rollback targets v1.0.0", arguments: ForgeBackend.allCases)
    func mergedRollback(backend: ForgeBackend) async throws {
        var setup = try await Self.twoSyncs(backend)
        _ = try await rollback(&setup.scenario)
        let (scenario, v1) = (setup.scenario, setup.v1)
        let pull = try #require(try await scenario.forge.openPullRequests(Self.api, headPrefix: "agent33-rollback/").first)
        try scenario.host.mergePullRequest(Self.api, number: pull.number)
        #expect(try await scenario.files(Self.api, Self.paths) == v1)
        let drift = try await scenario.detect([Self.api])
        #expect(drift.output("drifted") == "", "\(drift.log)")

        let second = try await rollback(&setup.scenario)
        #expect(second.status == 0, "\(second.log)")
        let after = try await scenario.files(Self.api, branch: try #require(second.output("branch")), Self.paths)
        #expect(after.isEmpty, "rolling back the first sync removes its files and state")
        #expect(second.log.contains("restored to: no sync state (before the first sync of sync-api-prompts)"))
    }

    @Test("an older sync whose files changed since is refused unless forced; an unknown version and a second rollback of the same sync are refused")
    func refusals() async throws {
        var setup = try await Self.twoSyncs()
        let older = try await rollback(&setup.scenario, ["--version", "v1.0.0"])
        #expect(older.status == 1)
        #expect(older.log.contains("rolling back would undo them too"), "\(older.log)")
        #expect(older.log.contains(SyncScenario.review))

        let unknown = try await rollback(&setup.scenario, ["--version", "v9.9.9"])
        #expect(unknown.status == 1)
        #expect(unknown.log.contains("found no merged sync of sync-api-prompts at v9.9.9"), "\(unknown.log)")
        #expect(unknown.log.contains("v1.1.0 ("))

        #expect(try await rollback(&setup.scenario).status == 0)
        let again = try await rollback(&setup.scenario)
        #expect(again.status == 1)
        #expect(again.log.contains("a rollback pull request for this sync is already open"))

        let forced = try await rollback(&setup.scenario, ["--version", "1.0.0", "--force", "true"])
        #expect(forced.status == 0, "\(forced.log)")
        #expect(try await setup.scenario.files(Self.api, branch: try #require(forced.output("branch")), Self.paths).isEmpty)
    }

    @Test("a missing reason is an input error (exit 2) and nothing is written")
    func missingReason() async throws {
        let scenario = try await Self.twoSyncs().scenario
        let result = try await scenario.harness.run(RollbackSyncStep.self, ["--target-repo", Self.api, "--rule", "sync-api-prompts"] + scenario.forgeArguments)
        #expect(result.status == 2)
        #expect(try scenario.issues(SyncScenario.source).isEmpty)
    }
}
