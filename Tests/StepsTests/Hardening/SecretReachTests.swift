import ActionsRuntime
import Forge
import Foundation
import StepTestSupport
import Steps
import TestSupport
import Testing

/// No value of any secret the project knows reaches any byte it writes, whichever step writes it;
/// and a replay writes nothing at all.
@Suite("Secrets and replays: what a step writes")
struct SecretReachTests {
    static let api = SyncScenario.api
    static let apiToken = "internal-api-" + String(repeating: "Zq7", count: 8)

    @Test("a secret in a rollback reason reaches no commit, DECISIONS.md, pull request or upstream issue")
    func rollbackReason() async throws {
        var setup = try await RollbackSyncTests.twoSyncs()
        setup.scenario.harness.environment["API_TOKEN"] = Self.apiToken
        setup.scenario.setClock("2026-11-12T15:30:00Z")
        let result = try await setup.scenario.harness.run(RollbackSyncStep.self, [
            "--target-repo", Self.api, "--rule", "sync-api-prompts", "--reason", "Broke CI; the token was \(Self.apiToken)",
            "--source-repo", SyncScenario.source,
        ] + setup.scenario.forgeArguments)
        #expect(result.status == 0, "\(result.log)")
        let branch = try #require(result.output("branch"))
        let files = try await setup.scenario.files(Self.api, branch: branch, ["DECISIONS.md"])
        let decisions = String(decoding: try #require(files["DECISIONS.md"]), as: UTF8.self)
        #expect(decisions.contains("Broke CI") && !decisions.contains(Self.apiToken))
        let head = try #require(try await setup.scenario.forge.head(Self.api, branch: branch))
        #expect(!head.message.contains(Self.apiToken))
        let pulls = try await setup.scenario.forge.openPullRequests(Self.api, headPrefix: "")
        #expect(!pulls.isEmpty && pulls.allSatisfy { !$0.body.contains(Self.apiToken) && !$0.title.contains(Self.apiToken) })
        let issues = try setup.scenario.issues(SyncScenario.source)
        #expect(!issues.isEmpty && issues.allSatisfy { !$0.body.contains(Self.apiToken) && !$0.title.contains(Self.apiToken) })
        // The runner consumes `::add-mask::` lines (that is how it learns the values); no other line holds one.
        let lines = result.log.split(separator: "\n").filter { !$0.hasPrefix("::add-mask::") }
        #expect(result.log.contains("::add-mask::\(Self.apiToken)"))
        #expect(!lines.contains { $0.contains(Self.apiToken) } && !result.summary.contains(Self.apiToken))
    }

    @Test("a secret in the release notes or the event reaches neither plan.json nor the replay record, though plan-sync declares no such secret")
    func releaseNotesAndReplay() async throws {
        var harness = try PlanSyncTests.upstream()
        harness.environment["API_TOKEN"] = Self.apiToken
        harness.environment["GITHUB_REF_NAME"] = "release-\(Self.apiToken)"
        harness.environment["FLASH_SYNC_REPLAY_DIR"] = harness.directory.path("replays").path
        harness.environment["GITHUB_EVENT_PATH"] = try harness.directory.write("event.json", """
        {"action":"published","release":{"tag_name":"v1.1.0","published_at":"2026-11-21T10:00:00Z","body":"Rotated \(Self.apiToken) today."}}
        """).path
        let result = try await harness.run(PlanSyncStep.self, ["--mode", "full", "--plan-dir", "plan"])
        #expect(result.status == 0, "\(result.log)")
        let plan = try String(contentsOf: harness.workingDirectory.appendingPathComponent("plan/plan.json"), encoding: .utf8)
        #expect(plan.contains("Rotated") && !plan.contains(Self.apiToken))
        let record = try Data(contentsOf: harness.directory.path("replays/plan-sync.replay.json"))
        #expect(record.range(of: Data(Self.apiToken.utf8)) == nil)
    }

    @Test("a replay of open-sync-pr sends no write to the forge and leaves the recorded run's files alone")
    func replayWritesNothing() async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-21T10:00:00Z")
        scenario.harness.environment["FLASH_SYNC_REPLAY_DIR"] = scenario.harness.directory.path("replays").path
        _ = try await scenario.sync("v1.0.0", targets: [Self.api])
        let results = scenario.harness.workingDirectory.appendingPathComponent(scenario.lastPlan + "/results.json")
        let recordedResults = try Data(contentsOf: results)
        // The sync branch disappears: a real re-run would commit and push again.
        let pull = try #require(try await scenario.forge.openPullRequests(Self.api, headPrefix: "agent33-sync/").first)
        try GitFixture.git(["--git-dir", scenario.harness.directory.path("forge/\(Self.api).git").path, "update-ref", "-d", "refs/heads/\(pull.head)"], in: scenario.harness.directory.url)
        let ledger = try Data(contentsOf: scenario.harness.directory.path("forge/ledger.json"))
        scenario.harness.environment["FLASH_SYNC_REPLAY_DIR"] = nil
        let replayed = try await scenario.harness.run(OpenSyncPRStep.self, ["--replay", scenario.harness.directory.path("replays/open-sync-pr.replay.json").path])
        #expect(replayed.log.contains("replay: would commit"), "\(replayed.log)")
        #expect(try await scenario.forge.head(Self.api, branch: pull.head) == nil)
        #expect(try Data(contentsOf: scenario.harness.directory.path("forge/ledger.json")) == ledger)
        #expect(try Data(contentsOf: results) == recordedResults)
    }

    @Test("a plan-sync replay leaves the recorded plan as it was")
    func planReplay() async throws {
        var harness = try PlanSyncTests.upstream()
        harness.environment["FLASH_SYNC_REPLAY_DIR"] = harness.directory.path("replays").path
        let first = try await harness.run(PlanSyncStep.self, ["--mode", "full", "--plan-dir", "plan"])
        #expect(first.status == 0)
        let planURL = harness.workingDirectory.appendingPathComponent("plan/plan.json")
        try Data("kept".utf8).write(to: planURL)
        harness.environment["FLASH_SYNC_REPLAY_DIR"] = nil
        let replayed = try await harness.run(PlanSyncStep.self, ["--replay", harness.directory.path("replays/plan-sync.replay.json").path])
        #expect(replayed.status == 0, "\(replayed.log)")
        #expect(try String(contentsOf: planURL, encoding: .utf8) == "kept")
        #expect(replayed.log.contains("match the recording"), "\(replayed.log)")
    }

    @Test("a log line carrying data that reads as a workflow command is fenced with stop-commands under Actions")
    func logInjection() async throws {
        let log = CapturedLog()
        let context = StepContext(environment: ["GITHUB_ACTIONS": "true"], workingDirectory: URL(fileURLWithPath: "/tmp"), log: log)
        let session = StepSession(definition: StepDefinition(name: "t", summary: "", inputs: [], outputs: []), context: context)
        session.log("file docs/a.md\n::error::injected")
        let lines = log.lines
        #expect(lines.first?.hasPrefix("::stop-commands::") == true)
        let token = String(try #require(lines.first).dropFirst("::stop-commands::".count))
        #expect(lines.contains("::\(token)::"))
        session.log("plain line")
        #expect(log.text.hasSuffix("::\n" + "plain line\n"))
    }
}
