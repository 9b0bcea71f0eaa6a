import Forge
import Foundation
import StepTestSupport
import Steps
import SyncKit
import TestSupport
import Testing

/// target_repos with a selector and per-target values, through plan-sync, open-sync-pr and
/// detect-drift, on the local forge and on the fake GitHub; the second run writes nothing.
@Suite("target_repos on a forge")
struct TargetReposStepTests {
    static let services = ["example-org/svc-billing", "example-org/svc-search", "example-org/svc-legacy", "example-org/website", "example-org/svc-new"]
    static let rule = """
        sync_rule:
          id: sync-runbooks
          source: "core/prompts/*.md"
          target_repos:
            - owner: example-org
              topics: [service]
              name: "svc-*"
          target_path: "docs/{{target.team}}/{{target.name}}/"
          strategy: copy
          frequency: on_release
        """

    @Test("a selector chooses the tagged, unarchived services; each gets its own target_path; one without the value it needs is left out with why; a re-run is a no-op",
          arguments: ForgeBackend.allCases)
    func selector(_ backend: ForgeBackend) async throws {
        var scenario = try await SyncScenario(targets: Self.services, clock: "2026-11-02T09:00:00Z", backend: backend)
        try scenario.host.setListing("example-org/svc-billing", topics: ["service", "go"])
        try scenario.host.setListing("example-org/svc-search", topics: ["service"])
        try scenario.host.setListing("example-org/svc-legacy", topics: ["service"], archived: true)
        try scenario.host.setListing("example-org/website", topics: ["service"])
        // A service created since sync_targets.yml was written: no team, so no target_path.
        try scenario.host.setListing("example-org/svc-new", topics: ["service"])
        // The example's own rules are moved aside: this one alone.
        let rules = scenario.harness.workingDirectory.appendingPathComponent("core/orchestrator/distribution/rules")
        for name in try FileManager.default.contentsOfDirectory(atPath: rules.path) where name.hasSuffix(".yaml") {
            try FileManager.default.removeItem(at: rules.appendingPathComponent(name))
        }
        try scenario.release("v1.0.1", edits: [
            "core/orchestrator/distribution/rules/sync-runbooks.yaml": Self.rule,
            "sync_targets.yml": "repository:\n  - example-org/svc-billing: { team: payments }\n  - example-org/svc-search: { team: discovery }\n",
        ])
        let pulls = try await scenario.sync("v1.0.1", targets: [], planWithForge: true)
        #expect(Set(pulls.map(\.repository)) == ["example-org/svc-billing", "example-org/svc-search"], "\(pulls)")
        let billing = try await scenario.files("example-org/svc-billing", branch: "agent33-sync/v1.0.1/sync-runbooks", ["docs/payments/svc-billing/review.md"])
        #expect(billing.count == 1)
        let search = try await scenario.files("example-org/svc-search", branch: "agent33-sync/v1.0.1/sync-runbooks", ["docs/discovery/svc-search/review.md"])
        #expect(search.count == 1)
        let plan = try Data(contentsOf: scenario.harness.workingDirectory.appendingPathComponent(scenario.lastPlan + "/plan.json"))
        #expect(String(decoding: plan, as: UTF8.self).contains("\"target_selected_by\":\"owner example-org; topic service; name svc-*\""))
        let planned = try PlanArtifact(planFile: scenario.harness.workingDirectory.appendingPathComponent(scenario.lastPlan + "/plan.json")).read()
        let skipped = try #require(planned.skippedRules.first { $0.repository == "example-org/svc-new" })
        #expect(skipped.reason.hasPrefix("skipped: chosen by owner example-org; topic service; name svc-*, but target_path"), "\(skipped.reason)")

        // The same plan again: nothing written.
        let again = try await scenario.deliver(scenario.lastPlan)
        #expect(again.status == 0, "\(again.log)")
        let rerun = try SyncResults.decode(Data(contentsOf: scenario.harness.workingDirectory.appendingPathComponent(scenario.lastPlan + "/results.json")), file: "r")
        #expect(rerun.targets.allSatisfy { $0.status == .unchanged }, "\(rerun.targets.map { "\($0.repository) \($0.status)" })")

        // detect-drift resolves the selector too: the two services are in the registry.
        for pull in pulls { try scenario.host.mergePullRequest(pull.repository, number: pull.number) }
        let drift = try await scenario.detect([])
        #expect(drift.status == 0, "\(drift.log)")
        let registry = try String(contentsOf: scenario.harness.workingDirectory.appendingPathComponent("out/registry.md"), encoding: .utf8)
        #expect(registry.contains("| `example-org/svc-billing` | `sync-runbooks` |") && registry.contains("| `example-org/svc-search` | `sync-runbooks` |"))
        #expect(!registry.contains("svc-legacy") && !registry.contains("website") && !registry.contains("| `example-org/svc-new` | `sync-runbooks` | copy"))
        #expect(drift.log.contains("example-org/svc-new: skipped: chosen by owner example-org"), "\(drift.log)")
        #expect(registry.contains("## Left out") && registry.contains("| `example-org/svc-new` | `sync-runbooks` | skipped: chosen by owner example-org"), "\(registry)")

        // Asked for by name, the left-out repository says why instead of "not a target".
        scenario.harness.environment["GITHUB_EVENT_NAME"] = "release"
        scenario.harness.environment["GITHUB_EVENT_PATH"] = try scenario.harness.directory.write("event.json", #"{"action":"published","release":{"tag_name":"v1.0.1"}}"#).path
        let named = try await scenario.harness.run(PlanSyncStep.self, ["--mode", "full", "--target-repos", "example-org/svc-new", "--plan-dir", "named"] + scenario.forgeArguments)
        #expect(named.status == 2 && named.log.contains("'example-org/svc-new' is left out of rule 'sync-runbooks': skipped: chosen by owner example-org"), "\(named.log)")
    }

    @Test("a selector that chooses nothing stops plan-sync with the rule's file and line")
    func emptySelector() async throws {
        var scenario = try await SyncScenario(targets: ["example-org/website"], clock: "2026-11-02T09:00:00Z", backend: .local)
        try scenario.release("v1.0.1", edits: ["core/orchestrator/distribution/rules/sync-runbooks.yaml": Self.rule])
        scenario.harness.environment["GITHUB_EVENT_NAME"] = "release"
        scenario.harness.environment["GITHUB_EVENT_PATH"] = try scenario.harness.directory.write("event.json", #"{"action":"published","release":{"tag_name":"v1.0.1"}}"#).path
        let plan = try await scenario.harness.run(PlanSyncStep.self, ["--mode", "full", "--plan-dir", "p"] + scenario.forgeArguments)
        #expect(plan.status == 2, "\(plan.log)")
        #expect(plan.log.contains("file=core/orchestrator/distribution/rules/sync-runbooks.yaml,line=5,col=7::rule 'sync-runbooks': the selector (owner example-org; topic service; name svc-*) chooses no repository"), "\(plan.log)")
    }
}
