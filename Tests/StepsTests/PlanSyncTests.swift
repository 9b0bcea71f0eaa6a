import Foundation
import StepTestSupport
import Steps
import SyncCore
import SyncKit
import TestSupport
import Testing

/// plan-sync end to end: the example upstream repository as a real git repository with two
/// release tags, planned in all three modes.
@Suite("plan-sync end to end")
struct PlanSyncTests {
    /// v1.0.0 is the example; v1.1.0 changes one prompt and the trace schema; the working tree
    /// then gets an uncommitted edit that no release plan may read.
    static func upstream() throws -> StepHarness {
        var harness = try StepHarness(environment: ["GITHUB_REPOSITORY": "example-org/agent33", "GITHUB_SERVER_URL": "https://github.example.com"])
        let work = harness.workingDirectory
        try GitFixture.copyTree("examples/upstream", to: work)
        try GitFixture.initialize(work)
        try GitFixture.tag("v1.0.0", in: work)
        try harness.directory.write("work/core/prompts/review.md", "# Review Prompt\n\nReview for correctness, then clarity, then tests.\n")
        try harness.directory.write("work/core/orchestrator/TRACE_SCHEMA.md", try harness.directory.read("work/core/orchestrator/TRACE_SCHEMA.md") + "\nA trace is immutable once written.\n")
        try GitFixture.commitAll(work, message: "v1.1.0 changes")
        try GitFixture.tag("v1.1.0", in: work)
        try harness.directory.write("work/core/prompts/review.md", "UNCOMMITTED EDIT\n")
        harness.environment["GITHUB_EVENT_NAME"] = "release"
        harness.environment["GITHUB_EVENT_PATH"] = try harness.directory.write("event.json", #"{"action":"published","release":{"tag_name":"v1.1.0","published_at":"2026-11-21T10:00:00Z"}}"#).path
        return harness
    }

    static func plan(_ result: StepHarness.Result) throws -> Plan {
        try JSONDecoder().decode(Plan.self, from: Data(contentsOf: URL(fileURLWithPath: try #require(result.output("plan")))))
    }

    static func destinations(_ plan: Plan) -> [String] {
        plan.targets.flatMap { target in target.rules.flatMap { $0.files.map { "\(target.repository):\($0.destination)" } } }.sorted()
    }

    @Test("full mode plans every file of every on_release rule from the release tag, never the working tree")
    func full() async throws {
        let harness = try Self.upstream()
        let result = try await harness.run(PlanSyncStep.self, ["--mode", "full", "--plan-dir", "plan"])
        #expect(result.status == 0, "\(result.log)")
        let plan = try Self.plan(result)
        #expect(plan.version == "v1.1.0" && plan.event == "release" && plan.sourceCommit != nil)
        #expect(Self.destinations(plan).count == 16)
        let review = try #require(plan.targets.first { $0.repository == "example-org/api-service" }?.rules.first?.files.first { $0.source == "core/prompts/review.md" })
        let blob = try String(contentsOf: harness.workingDirectory.appendingPathComponent("plan/blobs/\(review.sha256)"), encoding: .utf8)
        #expect(blob.contains("then tests.") && !blob.contains("UNCOMMITTED"))
        #expect(blob.hasPrefix("<!-- agent33_version: v1.1.0 · synced from example-org/agent33@v1.1.0:core/prompts/review.md"))
        #expect(Checksum.sha256Hex(Data(blob.utf8)) == review.sha256)
        #expect(result.output("has-changes") == "true")
        #expect(result.output("targets") == "example-org/api-service,example-org/docs-site,example-org/handbook,example-org/ml-pipeline,example-org/webapp")
        #expect(result.output("matrix")?.hasPrefix(#"{"include":[{"shard":"0","targets":""#) == true)
        #expect(result.summary.contains("| sync-webapp-orchestrator | example-org/webapp | 3 | 0 | copy | on_release | release v1.1.0 published |"))
    }

    @Test("delta mode plans only files changed between v1.0.0 and v1.1.0")
    func delta() async throws {
        let harness = try Self.upstream()
        let result = try await harness.run(PlanSyncStep.self, ["--mode", "delta", "--plan-dir", "plan"])
        #expect(result.status == 0, "\(result.log)")
        #expect(Self.destinations(try Self.plan(result)) == [
            "example-org/api-service:docs/agent33/prompts/review.md",
            "example-org/docs-site:reference/agent33/TRACE_SCHEMA.md",
            "example-org/webapp:docs/agent33/orchestrator/TRACE_SCHEMA.md",
        ])
    }

    @Test("incremental mode against the state of the same release plans nothing: a re-run is a no-op")
    func incremental() async throws {
        var harness = try Self.upstream()
        let first = try Self.plan(try await harness.run(PlanSyncStep.self, ["--mode", "full", "--plan-dir", "plan"]))
        var states: [String: TargetState] = [:]
        for target in first.targets {
            var state = TargetState(version: first.version)
            for rule in target.rules {
                for file in rule.files { state.files[file.destination] = .init(sha256: file.sha256, rule: rule.ruleID) }
            }
            states[target.repository] = state
        }
        // One target changed its copy downstream since: that file is planned again.
        states["example-org/webapp"]!.files["docs/agent33/orchestrator/TRACE_SCHEMA.md"]!.sha256 = "0000"
        let encoder = JSONEncoder()
        try encoder.encode(states).write(to: harness.workingDirectory.appendingPathComponent("state.json"))
        harness.environment["INPUT_STATE"] = "state.json"
        let result = try await harness.run(PlanSyncStep.self, ["--plan-dir", "plan2"])
        #expect(result.status == 0, "\(result.log)")
        let plan = try Self.plan(result)
        #expect(plan.mode == .incremental)
        #expect(Self.destinations(plan) == ["example-org/webapp:docs/agent33/orchestrator/TRACE_SCHEMA.md"])
        #expect(result.output("targets") == "example-org/webapp")
    }

    @Test("a push plans on_change rules only; a manual run plans the rules it names")
    func otherEvents() async throws {
        var harness = try Self.upstream()
        harness.environment["GITHUB_EVENT_NAME"] = "push"
        harness.environment["GITHUB_EVENT_PATH"] = try harness.directory.write("push.json", #"{"ref":"refs/heads/main","repository":{"default_branch":"main"},"commits":[{"modified":["core/prompts/review.md"]}]}"#).path
        let push = try await harness.run(PlanSyncStep.self, ["--plan-dir", "p1"])
        #expect(push.status == 0)
        #expect(try Self.plan(push).targets.isEmpty)
        #expect(push.output("has-changes") == "false")

        harness.environment["GITHUB_EVENT_NAME"] = "workflow_dispatch"
        harness.environment["GITHUB_EVENT_PATH"] = try harness.directory.write("dispatch.json", #"{"inputs":{}}"#).path
        let manual = try await harness.run(PlanSyncStep.self, ["--rules", "sync-api-prompts", "--mode", "full", "--plan-dir", "p2"])
        let plan = try Self.plan(manual)
        #expect(plan.targets.map(\.repository) == ["example-org/api-service"])
        // Manual runs read the checked-out tree, uncommitted edit included.
        #expect(Self.destinations(plan).contains("example-org/api-service:docs/agent33/prompts/review.md"))
        #expect(plan.version.hasPrefix("v1.1.0"))
    }

    @Test("a broken rule exits 2 with an annotation on its file and line")
    func brokenRule() async throws {
        let harness = try Self.upstream()
        try harness.directory.write("work/core/orchestrator/distribution/rules/zz-broken.yaml", "sync_rule:\n  id: broken\n  source: \"core/**\"\n  target_repo: org/x\n  target_path: ../up\n  strategy: copy\n  frequency: manual\n")
        let result = try await harness.run(PlanSyncStep.self, ["--plan-dir", "plan"])
        #expect(result.status == 2)
        #expect(result.log.contains("::error title=Configuration error,file=core/orchestrator/distribution/rules/zz-broken.yaml,line=5,col=16::target_path '../up' contains '..' and could escape the repository."), "\(result.log)")
    }
}
