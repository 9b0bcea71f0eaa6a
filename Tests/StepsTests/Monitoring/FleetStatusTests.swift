import Delivery
import Forge
import Foundation
import Steps
import SyncKit
import TestSupport
import Testing

/// Fleet status in the downstream registry: per target and rule the newest sync pull request
/// (open, merged, closed unmerged) and its age, and the totals at the top; on the local forge and
/// on the fake GitHub, where the pull requests come with the batched fleet read.
@Suite("detect-drift fleet status")
struct FleetStatusTests {
    static let api = SyncScenario.api
    static let webapp = "example-org/webapp"
    static let ml = "example-org/ml-pipeline"
    static let prefix = "agent33-sync/"

    @Test("each rule's newest sync PR, open, merged or closed unmerged, with its age in days, and the totals line; a second run writes the same registry",
          arguments: ForgeBackend.allCases)
    func pullRequestColumns(backend: ForgeBackend) async throws {
        var scenario = try await SyncScenario(targets: [Self.api, Self.webapp, Self.ml], clock: "2026-11-01T09:00:00Z", backend: backend)
        try await scenario.syncAndMerge("v1.0.0", targets: [Self.api])
        scenario.setClock("2026-11-02T09:00:00Z")
        let proposed = try await scenario.sync("v1.0.0", targets: [Self.webapp])
        let opened = try #require(proposed.first)
        scenario.setClock("2026-11-04T09:00:00Z")
        try await scenario.forge.closePullRequest(Self.webapp, number: opened.number, comment: "Not for us yet.")
        scenario.setClock("2026-11-05T09:00:00Z")
        _ = try await scenario.sync("v1.0.0", targets: [Self.ml])
        scenario.setClock("2026-11-08T09:00:00Z")

        // What the forge lists (on GitHub the REST fallback: the test's forge has no fleet read).
        let api = try await scenario.forge.recentPullRequests(Self.api, headPrefix: Self.prefix)
        #expect(api.map(\.state) == ["merged"])
        #expect(api.first?.createdAt == "2026-11-01T09:00:00Z" && api.first?.mergedAt == "2026-11-01T09:00:00Z")
        let webapp = try await scenario.forge.recentPullRequests(Self.webapp, headPrefix: Self.prefix)
        #expect(webapp.map(\.state) == ["closed"])
        #expect(webapp.first?.number == opened.number)
        #expect(webapp.first?.createdAt == "2026-11-02T09:00:00Z" && webapp.first?.closedAt == "2026-11-04T09:00:00Z" && webapp.first?.mergedAt == nil)
        let ml = try await scenario.forge.recentPullRequests(Self.ml, headPrefix: Self.prefix)
        #expect(ml.map(\.state) == ["open", "open"])
        #expect(ml.map(\.number) == ml.map(\.number).sorted(by: >), "newest first")
        #expect(try await scenario.forge.recentPullRequests(Self.ml, headPrefix: "agent33-rollback/").isEmpty)
        let arch = try #require(ml.first { $0.head.hasSuffix("/sync-ml-arch") })
        let onboarding = try #require(ml.first { $0.head.hasSuffix("/sync-ml-onboarding") })
        let merged = try #require(api.first), closed = try #require(webapp.first)

        let targets = [Self.api, Self.webapp, Self.ml]
        let result = try await scenario.detect(targets)
        #expect(result.status == 0, "\(result.log)")
        let registry = try scenario.harness.directory.read("work/out/registry.md")
        #expect(registry.contains("\n\n**Totals:** 3 targets: 1 current, 0 behind, 0 stale, 0 drifted, 0 failing, 2 never synced; 2 open sync PRs.\n\n"), "\(registry)")
        #expect(registry.contains("| Repo | Sync Rule ID | Strategy | Frequency | Last Sync | Version | Status | Sync PR | PR State | PR Age |\n"))
        #expect(registry.contains("| `example-org/api-service` | `sync-api-prompts` | copy | on_release | 2026-11-01 | v1.0.0 | Current | [#\(merged.number)](\(merged.url)) | merged | 7 days |\n"), "\(registry)")
        #expect(registry.contains("| `example-org/webapp` | `sync-webapp-orchestrator` | copy | on_release | never | n/a | Never synced | [#\(closed.number)](\(closed.url)) | closed unmerged | 4 days |\n"), "\(registry)")
        #expect(registry.contains("| `example-org/ml-pipeline` | `sync-ml-arch` | copy | on_release | never | n/a | Never synced | [#\(arch.number)](\(arch.url)) | open | 3 days |\n"), "\(registry)")
        #expect(registry.contains("| `example-org/ml-pipeline` | `sync-ml-onboarding` | template | on_release | never | n/a | Never synced | [#\(onboarding.number)](\(onboarding.url)) | open | 3 days |\n"), "\(registry)")
        #expect(result.summary.contains("**Totals:** 3 targets: 1 current"), "\(result.summary)")
        #expect(result.summary.contains("| Sync PR | PR State | PR Age |"))

        // Nothing changed: the same registry, and no pull request touched.
        let again = try await scenario.detect(targets)
        #expect(again.status == 0)
        #expect(try scenario.harness.directory.read("work/out/registry.md") == registry)
        #expect(try await scenario.forge.recentPullRequests(Self.ml, headPrefix: Self.prefix) == ml)
        #expect(try await scenario.forge.recentPullRequests(Self.webapp, headPrefix: Self.prefix) == webapp)
    }

    @Test("on GitHub the sync PRs come with the batched fleet read: detect-drift's requests do not grow with the targets, and REST answers the same")
    func batchedOnGitHub() async throws {
        let targets = [Self.api, Self.webapp, Self.ml]
        var scenario = try await SyncScenario(targets: targets, clock: "2026-11-01T09:00:00Z", backend: .github)
        try await scenario.syncAndMerge("v1.0.0", targets: targets)
        scenario.setClock("2026-11-03T09:00:00Z")
        let fake = try #require(scenario.host.github)

        var start = fake.requests.count
        let one = try await scenario.detect([Self.api])
        let oneRequests = fake.requests[start...]
        start = fake.requests.count
        let all = try await scenario.detect(targets)
        let allRequests = fake.requests[start...]
        #expect(one.status == 0 && all.status == 0, "\(all.log)")
        #expect(allRequests.count == oneRequests.count, "\(allRequests.map { "\($0.method) \($0.path)" })")
        #expect(allRequests.allSatisfy { $0.method == "POST" && $0.path == "/graphql" }, "\(allRequests.map { "\($0.method) \($0.path)" })")
        let batched = try scenario.harness.directory.read("work/out/registry.md")
        #expect(batched.contains("\n\n**Totals:** 3 targets: 3 current, 0 behind, 0 stale, 0 drifted, 0 failing, 0 never synced; 0 open sync PRs.\n\n"), "\(batched)")
        for (repository, rule) in [(Self.api, "sync-api-prompts"), (Self.webapp, "sync-webapp-orchestrator"), (Self.ml, "sync-ml-arch"), (Self.ml, "sync-ml-onboarding")] {
            let pull = try #require(fake.pullRequests(in: repository).first { $0.head.hasSuffix("/" + rule) })
            #expect(batched.contains("| `\(rule)` |") && batched.contains("| [#\(pull.number)](https://github.com/\(repository)/pull/\(pull.number)) | merged | 2 days |"), "\(batched)")
        }

        // Read one by one over REST: one more request per target (its pull requests), the same registry.
        scenario.harness.environment["FLASH_SYNC_GITHUB_BATCH_READS"] = "false"
        start = fake.requests.count
        let rest = try await scenario.detect(targets)
        let restRequests = fake.requests[start...]
        #expect(rest.status == 0, "\(rest.log)")
        #expect(!restRequests.contains { $0.path == "/graphql" })
        #expect(restRequests.filter { $0.path.hasSuffix("/pulls") && $0.query["state"] == "all" && $0.query["sort"] == "updated" && $0.query["direction"] == "desc" }.count == targets.count,
                "\(restRequests.map { "\($0.method) \($0.path) \($0.query)" })")
        #expect(try scenario.harness.directory.read("work/out/registry.md") == batched)
        #expect(fake.contractViolations.isEmpty, "\(fake.contractViolations)")
    }

    @Test("a rule's sync PR is the newest whose head is the rule's sync branch at any version (branch_template); its age counts from opened, merged or closed")
    func matching() throws {
        let settings = SyncSettings()
        #expect(SyncPullRequestIndex.isSyncBranch("agent33-sync/v1.2.0/sync-api-prompts", ruleID: "sync-api-prompts", settings: settings))
        #expect(!SyncPullRequestIndex.isSyncBranch("agent33-sync/v1.2.0/sync-api-prompts-2", ruleID: "sync-api-prompts", settings: settings))
        #expect(!SyncPullRequestIndex.isSyncBranch("agent33-sync/v1.2.0/other/sync-api-prompts", ruleID: "sync-api-prompts", settings: settings))
        #expect(!SyncPullRequestIndex.isSyncBranch("agent33-sync/v/sync-api-prompts", ruleID: "sync-api-prompts", settings: settings))
        #expect(!SyncPullRequestIndex.isSyncBranch("agent33-rollback/sync-api-prompts/0123abc", ruleID: "sync-api-prompts", settings: settings))
        var custom = SyncSettings()
        custom.branchTemplate = "{namespace}-sync/{rule-id}/v{version}"
        #expect(SyncPullRequestIndex.isSyncBranch("agent33-sync/sync-api-prompts/v2.0.0", ruleID: "sync-api-prompts", settings: custom))
        #expect(!SyncPullRequestIndex.isSyncBranch("agent33-sync/v2.0.0/sync-api-prompts", ruleID: "sync-api-prompts", settings: custom))

        func pull(_ number: Int, _ head: String, _ state: String, created: String, merged: String? = nil, closed: String? = nil) -> String {
            var fields = [#""number":\#(number)"#, #""url":"u\#(number)""#, #""head":"\#(head)""#, #""base":"main""#, #""title":"t""#, #""body":"""#,
                          #""labels":[]"#, #""reviewers":[]"#, #""team_reviewers":[]"#, #""state":"\#(state)""#, #""auto_merge":false"#,
                          #""created_at":"\#(created)""#]
            if let merged { fields.append(#""merged_at":"\#(merged)""#) }
            if let closed { fields.append(#""closed_at":"\#(closed)""#) }
            return "{" + fields.joined(separator: ",") + "}"
        }
        let json = "[" + [
            pull(3, "agent33-sync/v1.0.0/sync-api-prompts", "merged", created: "2026-10-01T09:00:00Z", merged: "2026-10-02T09:00:00Z", closed: "2026-10-02T09:00:00Z"),
            pull(7, "agent33-sync/v1.1.0/sync-api-prompts", "open", created: "2026-11-08T09:00:00Z"),
            pull(5, "agent33-sync/v1.0.0/sync-ml-arch", "closed", created: "2026-10-01T09:00:00Z", closed: "2026-11-09T13:00:00Z"),
            pull(6, "agent33-sync/v1.0.0/sync-docs-reference", "closed", created: "2026-10-01T09:00:00Z", merged: "2026-10-03T09:00:00Z", closed: "2026-10-03T09:00:00Z"),
        ].joined(separator: ",") + "]"
        let pulls = try JSONDecoder().decode([PullRequest].self, from: Data(json.utf8))
        let index = SyncPullRequestIndex(pulls: pulls, settings: settings, now: SyncScenario.date("2026-11-10T12:00:00Z"))
        #expect(index.standing(of: "sync-api-prompts") == .found(SyncPullRequest(number: 7, url: "u7", branch: "agent33-sync/v1.1.0/sync-api-prompts", state: .open, ageDays: 2)))
        #expect(index.standing(of: "sync-ml-arch") == .found(SyncPullRequest(number: 5, url: "u5", branch: "agent33-sync/v1.0.0/sync-ml-arch", state: .closed, ageDays: 0)))
        #expect(index.standing(of: "sync-docs-reference").pullRequest?.state == .merged, "closed with a merge date is merged")
        #expect(index.standing(of: "sync-docs-reference").pullRequest?.ageDays == 38)
        #expect(index.standing(of: "sync-webapp-orchestrator") == .notFound)
    }
}
