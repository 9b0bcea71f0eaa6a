import Forge
import Foundation
import SyncKit
import Steps
import StepTestSupport
import TestSupport
import Testing

/// open-sync-pr end to end on real local repositories: v1.0.0 synced and merged, then the teams
/// customise (an override that v1.1.0 conflicts with, a drifted file), upstream retires a file,
/// and v1.1.0 arrives. The ledger, the branches and DECISIONS.md are compared to golden files.
@Suite("Delivery end to end on a local forge")
struct DeliveryEndToEndTests {
    static let clock = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

    struct World {
        var harness: StepHarness
        var forge: LocalForge
        var forgePath: String { forge.root.path }
    }

    /// The upstream at v1.0.0 and v1.1.0 (v1.1.0 also removes core/prompts/summarize.md) and the five targets.
    static func world() async throws -> World {
        var harness = try PlanSyncTests.upstream()
        harness.now = { clock }
        let work = harness.workingDirectory
        // Rewrite v1.1.0: same changes as PlanSyncTests plus a retired prompt.
        try GitFixture.git(["checkout", "-q", "v1.1.0"], in: work)
        try GitFixture.git(["rm", "-q", "core/prompts/summarize.md"], in: work)
        try GitFixture.commitAll(work, message: "v1.1.0 retires the summarize prompt")
        try GitFixture.git(["tag", "-f", "v1.1.0"], in: work)
        let forge = LocalForge(root: harness.directory.path("forge"), gitEnvironment: .tests, now: { clock })
        for repository in ["example-org/webapp", "example-org/api-service", "example-org/ml-pipeline", "example-org/docs-site", "example-org/handbook"] {
            var files = ["README.md": Data("# \(repository)\n".utf8)]
            if repository.hasSuffix("webapp") { files[".github/CODEOWNERS"] = Data("/docs/ @example-org/docs-team\n/docs/agent33/orchestrator/ @alice\n".utf8) }
            try forge.createRepository(repository, files: files, allowsAutoMerge: !repository.hasSuffix("handbook"))
        }
        return World(harness: harness, forge: forge)
    }

    static func release(_ tag: String, _ world: inout World, mode: String) async throws -> StepHarness.Result {
        world.harness.environment["GITHUB_EVENT_PATH"] = try world.harness.directory.write("event-\(tag).json", #"{"action":"published","release":{"tag_name":"\#(tag)","published_at":"2026-05-28T10:00:00Z"}}"#).path
        let plan = try await world.harness.run(PlanSyncStep.self, ["--mode", mode, "--forge", "local:\(world.forgePath)", "--plan-dir", "plan-\(tag)"])
        #expect(plan.status == 0, "\(plan.log)")
        let validate = try await world.harness.run(ValidateSyncStep.self, ["--plan", "plan-\(tag)/plan.json"])
        #expect(validate.status == 0, "\(validate.log)")
        return try await world.harness.run(OpenSyncPRStep.self, ["--plan", "plan-\(tag)/validated-plan.json", "--forge", "local:\(world.forgePath)", "--results-path", "results-\(tag).json"])
    }

    static func show(_ world: World, _ repository: String, _ ref: String, _ path: String) throws -> String {
        try GitFixture.git(["--git-dir", world.forge.root.appendingPathComponent(repository + ".git").path, "show", "\(ref):\(path)"], in: world.forge.root)
    }

    /// The ledger without commit ids (they depend on git's timestamps).
    static func ledger(_ world: World) throws -> String {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: world.forge.root.appendingPathComponent("ledger.json"))) as? [String: Any])
        var pulls = try #require(object["pull_requests"] as? [String: [[String: Any]]])
        for (repository, list) in pulls { pulls[repository] = list.map { var pull = $0; pull.removeValue(forKey: "merge_commit"); return pull } }
        object["pull_requests"] = pulls
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]), as: UTF8.self) + "\n"
    }

    @Test("overrides conflict, drift merges as ours, orphans go, PRs match the golden ledger, and a second run is a no-op")
    func endToEnd() async throws {
        var world = try await Self.world()
        let first = try await Self.release("v1.0.0", &world, mode: "full")
        #expect(first.status == 0, "\(first.log)")
        for repository in ["example-org/webapp", "example-org/api-service", "example-org/ml-pipeline", "example-org/docs-site", "example-org/handbook"] {
            for pull in try await world.forge.openPullRequests(repository, headPrefix: "") { try world.forge.mergePullRequest(repository, number: pull.number) }
        }
        // The teams customise: webapp overrides the trace schema page, ml-pipeline edits a synced file in place.
        let trace = try Self.show(world, "example-org/webapp", "main", "docs/agent33/orchestrator/TRACE_SCHEMA.md")
        let override = trace.replacingOccurrences(of: "Back to the [release cadence](RELEASE_CADENCE.md#cadence).", with: "Back to the [release cadence](RELEASE_CADENCE.md#cadence); webapp keeps traces for 30 days.")
        _ = try await world.forge.commit("example-org/webapp", CommitRequest(branch: "main", parent: try #require(try await world.forge.head("example-org/webapp", branch: "main")).id,
                                                                            message: "Override", changes: [".agent33-overrides/orchestrator/TRACE_SCHEMA.md": Data((override + "\n").utf8)]))
        let overview = try Self.show(world, "example-org/ml-pipeline", "main", "docs/agent33/arch/OVERVIEW.md")
        _ = try await world.forge.commit("example-org/ml-pipeline", CommitRequest(branch: "main", parent: try #require(try await world.forge.head("example-org/ml-pipeline", branch: "main")).id,
                                                                                 message: "Local edit", changes: ["docs/agent33/arch/OVERVIEW.md": Data((overview.replacingOccurrences(of: "3. Tools act", with: "3. Our tools act") + "\n").utf8)]))

        let second = try await Self.release("v1.1.0", &world, mode: "incremental")
        #expect(second.status == 0, "\(second.log)")
        let results = try SyncResults.decode(Data(contentsOf: world.harness.workingDirectory.appendingPathComponent("results-v1.1.0.json")), file: "results")
        let byRule = Dictionary(uniqueKeysWithValues: results.targets.map { ($0.ruleID, $0) })
        #expect(byRule["sync-webapp-orchestrator"]?.status == .conflict)
        #expect(byRule["sync-webapp-orchestrator"]?.conflicts.map(\.path) == ["docs/agent33/orchestrator/TRACE_SCHEMA.md"])
        #expect(byRule["sync-ml-arch"]?.driftedFiles == ["docs/agent33/arch/OVERVIEW.md"])
        #expect(byRule["sync-api-prompts"]?.files.removed == 1)
        #expect(second.output("conflicts") == "1")

        let webappBranch = "agent33-sync/v1.1.0/sync-webapp-orchestrator"
        Golden.check(try Self.show(world, "example-org/webapp", webappBranch, "docs/agent33/orchestrator/TRACE_SCHEMA.md"), named: "webapp-TRACE_SCHEMA-conflict.md")
        Golden.check(try Self.show(world, "example-org/webapp", webappBranch, "DECISIONS.md"), named: "webapp-DECISIONS.md")
        Golden.check(try Self.show(world, "example-org/ml-pipeline", "agent33-sync/v1.1.0/sync-ml-arch", "docs/agent33/arch/OVERVIEW.md"), named: "ml-pipeline-OVERVIEW-drift-merged.md")
        #expect(throws: (any Error).self) { try Self.show(world, "example-org/api-service", "agent33-sync/v1.1.0/sync-api-prompts", "docs/agent33/prompts/summarize.md") }
        let branches = try GitFixture.git(["--git-dir", world.forge.root.appendingPathComponent("example-org/webapp.git").path, "branch", "--format=%(refname:short)"], in: world.forge.root)
        Golden.check(branches + "\n", named: "webapp-branches.txt")
        let ledger = try Self.ledger(world)
        Golden.check(ledger, named: "ledger.json")

        // Nothing new: no commit, no PR update, no comment.
        let heads = try await ["example-org/webapp", "example-org/api-service", "example-org/ml-pipeline"].asyncMap { try await world.forge.head($0, branch: "agent33-sync/v1.1.0/" + ($0.hasSuffix("webapp") ? "sync-webapp-orchestrator" : $0.hasSuffix("api-service") ? "sync-api-prompts" : "sync-ml-arch"))?.id }
        let again = try await world.harness.run(OpenSyncPRStep.self, ["--plan", "plan-v1.1.0/validated-plan.json", "--forge", "local:\(world.forgePath)", "--results-path", "results-again.json"])
        #expect(again.status == 0)
        let rerun = try SyncResults.decode(Data(contentsOf: world.harness.workingDirectory.appendingPathComponent("results-again.json")), file: "results")
        #expect(rerun.targets.allSatisfy { $0.status == .unchanged }, "\(rerun.targets.map { "\($0.ruleID): \($0.status)" })")
        #expect(try Self.ledger(world) == ledger)
        let after = try await ["example-org/webapp", "example-org/api-service", "example-org/ml-pipeline"].asyncMap { try await world.forge.head($0, branch: "agent33-sync/v1.1.0/" + ($0.hasSuffix("webapp") ? "sync-webapp-orchestrator" : $0.hasSuffix("api-service") ? "sync-api-prompts" : "sync-ml-arch"))?.id }
        #expect(after == heads)
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
