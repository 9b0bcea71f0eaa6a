import Foundation
import SyncKit
import Steps
import StepTestSupport
import TestSupport
import Testing

/// validate-sync end to end: the example upstream planned by plan-sync, with a credential planted
/// in one rule's source.
@Suite("validate-sync end to end")
struct ValidateSyncTests {
    static let plantedToken = "ghp_" + String(repeating: "Zt4Rb8Pw", count: 5).prefix(36)

    static func planned(plant: Bool) async throws -> StepHarness {
        let harness = try PlanSyncTests.upstream()
        if plant {
            try harness.directory.write("work/core/prompts/setup.md", "# Setup\n\nRun the tool with\n\n    GITHUB_TOKEN=\(plantedToken) ./run\n")
            try GitFixture.commitAll(harness.workingDirectory, message: "oops")
            try GitFixture.git(["tag", "-f", "v1.1.0"], in: harness.workingDirectory)
        }
        let plan = try await harness.run(PlanSyncStep.self, ["--mode", "full", "--plan-dir", "plan"])
        #expect(plan.status == 0, "\(plan.log)")
        return harness
    }

    @Test("the example passes: reports per rule, a validated plan, SARIF accepted by the official schema")
    func passes() async throws {
        let harness = try await Self.planned(plant: false)
        let result = try await harness.run(ValidateSyncStep.self, ["--plan", "plan/plan.json"])
        #expect(result.status == 0, "\(result.log)")
        #expect(result.output("passed") == "true")
        #expect(result.output("blocked-rules") == "")
        let reports = try #require(result.output("report"))
        let names = try FileManager.default.contentsOfDirectory(atPath: reports).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names == ["default-example-org-handbook.yaml", "sync-api-prompts.yaml", "sync-docs-reference.yaml", "sync-ml-arch.yaml", "sync-ml-onboarding.yaml", "sync-webapp-orchestrator.yaml"])
        let report = try String(contentsOfFile: reports + "/sync-webapp-orchestrator.yaml", encoding: .utf8)
        #expect(report.hasPrefix("sync_validation:\n  rule_id: \"sync-webapp-orchestrator\"\n  run_at: \""))
        #expect(report.hasSuffix("  overall: pass\n"))
        let sarif = URL(fileURLWithPath: try #require(result.output("sarif")))
        let schema = try SARIFSchemaValidator.validate(sarif)
        #expect(schema.status == 0, "\(schema.output)")
        #expect(result.summary.contains("## Sync validation: v1.1.0 · ✅ nothing blocked"))
    }

    @Test("a planted credential blocks its rule, points at the upstream line, never prints the secret, and survives force")
    func plantedSecret() async throws {
        let harness = try await Self.planned(plant: true)
        let result = try await harness.run(ValidateSyncStep.self, ["--plan", "plan/plan.json", "--force"])
        #expect(result.status == 1)
        #expect(result.output("passed") == "false")
        #expect(result.output("blocked-rules") == "sync-api-prompts")
        #expect(result.log.contains("::error title=Secret scan (sync-api-prompts),file=core/prompts/setup.md,line=5,col="), "\(result.log)")
        #expect(!result.log.contains(Self.plantedToken) && !result.summary.contains(Self.plantedToken))
        let plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: URL(fileURLWithPath: try #require(result.output("plan")))))
        #expect(!plan.targets.contains { $0.repository == "example-org/api-service" })
        #expect(plan.skippedRules.contains(SkippedRule(ruleID: "sync-api-prompts", repository: "example-org/api-service", reason: "blocked by validation: secret_scan")))
        #expect(plan.targets.first { $0.repository == "example-org/webapp" }?.rules.first?.validation?.overall == .pass)
        let sarif = try String(contentsOfFile: try #require(result.output("sarif")), encoding: .utf8)
        #expect(sarif.contains("\"ruleId\" : \"flash-sync/secret_scan\"") && !sarif.contains(Self.plantedToken))
        #expect(try SARIFSchemaValidator.validate(URL(fileURLWithPath: result.output("sarif")!)).status == 0)
    }

    @Test("the exact value of a secret the run holds blocks its rule, whatever its shape, and is never printed")
    func knownSecretValue() async throws {
        var harness = try PlanSyncTests.upstream()
        let value = "plain-words-" + String(repeating: "qz", count: 6)
        harness.environment["EXTERNAL_API_TOKEN"] = value
        try harness.directory.write("work/core/prompts/setup.md", "# Setup\n\nThe team name is \(value).\n")
        try GitFixture.commitAll(harness.workingDirectory, message: "oops")
        try GitFixture.git(["tag", "-f", "v1.1.0"], in: harness.workingDirectory)
        let plan = try await harness.run(PlanSyncStep.self, ["--mode", "full", "--plan-dir", "plan"])
        #expect(plan.status == 0, "\(plan.log)")
        let result = try await harness.run(ValidateSyncStep.self, ["--plan", "plan/plan.json"])
        #expect(result.status == 1, "\(result.log)")
        #expect(result.output("blocked-rules") == "sync-api-prompts")
        #expect(result.log.contains("known-secret-value") || result.log.contains("secret this run holds"), "\(result.log)")
        let lines = result.log.split(separator: "\n").filter { !$0.hasPrefix("::add-mask::") }
        #expect(!lines.contains { $0.contains(value) } && !result.summary.contains(value))
    }

    @Test("a missing plan is a clear error with exit 2")
    func missingPlan() async throws {
        let harness = try StepHarness()
        let result = try await harness.run(ValidateSyncStep.self, ["--plan", "nope/plan.json"])
        #expect(result.status == 2)
        #expect(result.log.contains("No plan at") && result.log.contains("run plan-sync first"))
    }
}
