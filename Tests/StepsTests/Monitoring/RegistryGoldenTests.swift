import Foundation
import Steps
import TestSupport
import Testing

/// The downstream registry and the alerts of a small fleet in every state, checked byte for byte.
@Suite("detect-drift registry")
struct RegistryGoldenTests {
    @Test("a fleet with a behind, a drifted, a stale, a failing and a never-synced rule gives the golden registry and alerts")
    func fleet() async throws {
        let api = SyncScenario.api
        let webapp = "example-org/webapp"
        let ml = "example-org/ml-pipeline"
        let handbook = "example-org/handbook"
        var scenario = try await SyncScenario(targets: [api, webapp, ml, handbook], clock: "2026-10-01T09:00:00Z")
        try await scenario.syncAndMerge("v1.0.0", targets: [ml])
        scenario.setClock("2026-11-01T09:00:00Z")
        try await scenario.syncAndMerge("v1.0.0", targets: [api, webapp])
        try await scenario.commitOnMain(webapp, ["docs/agent33/orchestrator/TRACE_SCHEMA.md": "# Trace Schema\n\nRewritten downstream.\n"])
        try GitFixture.tag("v1.1.0", in: scenario.harness.workingDirectory)
        let history = scenario.harness.workingDirectory.appendingPathComponent("history")
        try FileManager.default.createDirectory(at: history, withIntermediateDirectories: true)
        for index in 1...3 {
            let run = #"{"version":"v1.0.0","source_repository":"example-org/agent33","targets":[{"repository":"example-org/ml-pipeline","rule_id":"sync-ml-onboarding","status":"failed","message":"the token cannot push"}]}"#
            try Data(run.utf8).write(to: history.appendingPathComponent("2026-10-0\(index).json"))
        }
        scenario.setClock("2026-11-03T09:00:00Z")
        let result = try await scenario.detect([api, webapp, ml, handbook], ["--history", "history"])
        #expect(result.status == 0, "\(result.log)")
        Golden.check(try scenario.harness.directory.read("work/out/registry.md"), named: "registry.md")
        Golden.check(try scenario.harness.directory.read("work/out/alerts.yaml"), named: "alerts.yaml")
        #expect(result.output("drifted") == webapp)
        #expect(result.output("failing") == "sync-ml-onboarding")
        #expect(result.summary.contains("### Downstream registry"))
    }
}
