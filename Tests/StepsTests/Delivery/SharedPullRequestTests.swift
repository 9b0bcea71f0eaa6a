import Forge
import Foundation
import StepTestSupport
import Steps
import SyncKit
import TestSupport
import Testing

/// `pull_request: per_target`: every such rule of a target in one branch and one pull request,
/// a section per rule; idempotent; switching between per_rule and per_target closes the
/// superseded pull requests with a comment. On the local forge and on the fake GitHub.
@Suite("One pull request per target")
struct SharedPullRequestTests {
    static let api = SyncScenario.api
    static let promptsRule = "core/orchestrator/distribution/rules/sync-api-prompts.yaml"
    static let checklistsRule = "core/orchestrator/distribution/rules/sync-api-checklists.yaml"

    static func rules(shared: Bool) -> [String: String] {
        let grouping = shared ? "  pull_request: per_target\n" : ""
        return [
            promptsRule: "sync_rule:\n  id: sync-api-prompts\n  source: \"core/prompts/**/*.md\"\n  target_repo: example-org/api-service\n"
                + "  target_path: docs/agent33/prompts/\n  strategy: copy\n  frequency: on_release\n  labels: [prompts]\n" + grouping,
            checklistsRule: "sync_rule:\n  id: sync-api-checklists\n  source: \"core/checklists/*.md\"\n  target_repo: example-org/api-service\n"
                + "  target_path: docs/agent33/checklists/\n  strategy: copy\n  frequency: on_release\n  labels: [checklists]\n" + grouping,
        ]
    }

    func open(_ scenario: SyncScenario) async throws -> [PullRequest] {
        try await scenario.forge.openPullRequests(Self.api, headPrefix: "agent33-sync/").sorted { $0.number < $1.number }
    }

    @Test("two per_target rules: one branch, one PR with a section each; a re-run writes nothing; switching closes what it supersedes",
          arguments: ForgeBackend.allCases)
    func sharedPullRequest(_ backend: ForgeBackend) async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-02T09:00:00Z", backend: backend)
        try scenario.release("v1.0.1", edits: Self.rules(shared: true).merging(["core/checklists/deploy.md": "# Deploy\n\nCheck the rollback plan.\n"]) { $1 })
        _ = try await scenario.sync("v1.0.1", targets: [Self.api])
        let pulls = try await open(scenario)
        try #require(pulls.count == 1, "\(pulls.map(\.head))")
        let shared = pulls[0]
        #expect(shared.head == "agent33-sync/v1.0.1/_target")
        #expect(shared.title == "sync(agent33): Update 2 sync rules from v1.0.1")
        #expect(shared.body.hasPrefix("# Sync of 2 rules into example-org/api-service\n"))
        #expect(shared.body.components(separatedBy: "## Sync Update from AGENT-33").count == 3, "a spec section per rule")
        #expect(shared.body.contains("**Sync rule:** sync-api-checklists") && shared.body.contains("**Sync rule:** sync-api-prompts"))
        #expect(Set(shared.labels).isSuperset(of: ["prompts", "checklists", "agent33-sync"]))
        let files = try await scenario.files(Self.api, branch: shared.head, [
            "docs/agent33/checklists/deploy.md", "docs/agent33/prompts/review.md",
            ".agent33-sync-state/sync-api-prompts.json", ".agent33-sync-state/sync-api-checklists.json",
        ])
        #expect(files.count == 4, "both rules' files and states in one commit: \(files.keys.sorted())")
        let results = try SyncResults.decode(Data(contentsOf: scenario.harness.workingDirectory.appendingPathComponent(scenario.lastPlan + "/results.json")), file: "r")
        #expect(Set(results.targets.map(\.ruleID)) == ["sync-api-checklists", "sync-api-prompts"])
        #expect(results.targets.allSatisfy { $0.status == .opened && $0.pullRequest?.number == shared.number })

        // The same plan again: nothing written.
        let head = try await scenario.forge.head(Self.api, branch: shared.head)?.id
        let again = try await scenario.deliver(scenario.lastPlan)
        #expect(again.status == 0, "\(again.log)")
        let rerun = try SyncResults.decode(Data(contentsOf: scenario.harness.workingDirectory.appendingPathComponent(scenario.lastPlan + "/results.json")), file: "r")
        #expect(rerun.targets.allSatisfy { $0.status == .unchanged }, "\(rerun.targets.map { "\($0.ruleID) \($0.status)" })")
        #expect(try await scenario.forge.head(Self.api, branch: shared.head)?.id == head)

        // Back to one pull request per rule: two PRs, the shared one closed with a comment.
        try scenario.release("v1.0.2", edits: Self.rules(shared: false))
        _ = try await scenario.sync("v1.0.2", targets: [Self.api])
        let perRule = try await open(scenario)
        #expect(perRule.map(\.head).sorted() == ["agent33-sync/v1.0.2/sync-api-checklists", "agent33-sync/v1.0.2/sync-api-prompts"], "\(perRule.map(\.head))")

        // And per target again: the per-rule PRs are superseded by one shared PR.
        try scenario.release("v1.0.3", edits: Self.rules(shared: true))
        _ = try await scenario.sync("v1.0.3", targets: [Self.api])
        let sharedAgain = try await open(scenario)
        #expect(sharedAgain.map(\.head) == ["agent33-sync/v1.0.3/_target"], "\(sharedAgain.map(\.head))")
    }

    @Test("pull_request is read strictly")
    func strict() throws {
        let text = Self.rules(shared: true)[Self.promptsRule]!.replacingOccurrences(of: "per_target", with: "per_repo")
        do {
            _ = try RuleSet.decodeRule(text, file: "rules/x.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains("rules/x.yaml:9:") && error.description.contains("unknown pull_request 'per_repo'"), "\(error.description)")
        }
    }
}
