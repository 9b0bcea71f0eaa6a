import Delivery
import Foundation
import Steps
import SyncKit
import TestSupport
import Testing

/// The spec's staleness table against a fixed clock: days since the last sync per frequency,
/// upstream releases missed, consecutive failures.
@Suite("detect-drift staleness thresholds")
struct StalenessTests {
    static let api = SyncScenario.api

    struct Case: CustomTestStringConvertible, Sendable {
        var now: String
        var tags: [String]
        var status: String
        var alerts: Int
        var testDescription: String { "\(now.prefix(10)) with \(tags.isEmpty ? "no new tag" : tags.joined(separator: ", ")) → \(status)" }
    }

    @Test("an on_release rule synced on 2026-11-01 at v1.0.0", arguments: [
        Case(now: "2026-11-15T09:00:00Z", tags: [], status: "Current", alerts: 0),
        Case(now: "2026-11-16T09:00:00Z", tags: [], status: "Stale", alerts: 1),
        Case(now: "2026-11-03T09:00:00Z", tags: ["v1.1.0"], status: "Behind", alerts: 0),
        Case(now: "2026-11-03T09:00:00Z", tags: ["v1.1.0-rc.1"], status: "Current", alerts: 0),
        Case(now: "2026-11-03T09:00:00Z", tags: ["v1.1.0", "v1.2.0"], status: "Stale", alerts: 1),
        Case(now: "2026-11-20T09:00:00Z", tags: ["v1.1.0", "v1.2.0"], status: "Stale", alerts: 2),
    ])
    func onRelease(_ example: Case) async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-01T09:00:00Z")
        try await scenario.syncAndMerge("v1.0.0", targets: [Self.api])
        for tag in example.tags { try GitFixture.tag(tag, in: scenario.harness.workingDirectory) }
        scenario.setClock(example.now)
        let result = try await scenario.detect([Self.api])
        #expect(result.status == 0, "\(result.log)")
        let registry = try scenario.harness.directory.read("work/out/registry.md")
        #expect(registry.contains("| `example-org/api-service` | `sync-api-prompts` | copy | on_release | 2026-11-01 | v1.0.0 | \(example.status) |"), "\(registry)")
        let alerts = try scenario.harness.directory.read("work/out/alerts.yaml")
        #expect(alerts.components(separatedBy: "type: staleness").count - 1 == example.alerts, "\(alerts)")
        #expect(result.output("stale") == (example.status == "Stale" ? "sync-api-prompts" : ""))
    }

    @Test("on_change rules go stale after 7 days, manual rules never by age", arguments: [
        (SyncFrequency.onChange, 7, RegistryStatus.current), (.onChange, 8, .stale),
        (.onRelease, 8, .current), (.manual, 400, .current),
    ])
    func ageByFrequency(_ frequency: SyncFrequency, _ days: Int, _ expected: RegistryStatus) throws {
        let folder = try TemporaryDirectory()
        try folder.write("rules/r.yaml", "sync_rule:\n  id: r\n  source: \"core/**\"\n  target_repo: org/x\n  target_path: docs/\n  strategy: copy\n  frequency: \(frequency.rawValue)\n")
        let rule = try #require(try RuleSet.load(rulesFolder: folder.path("rules"), rulesFolderName: "rules", targetsFile: nil, settingsFile: nil).rules.first)
        let syncedAt = SyncScenario.date("2026-11-01T00:00:00Z")
        let state = SyncState(rule: "r", version: "v1.0.0", sourceRepository: "org/up", sourceCommit: nil, syncedAt: "2026-11-01T00:00:00Z", files: [:])
        let evaluator = HealthEvaluator(thresholds: MonitoringThresholds(settings: SyncSettings()), now: syncedAt.addingTimeInterval(Double(days) * 86_400 + 3_600),
                                        releaseTags: ["v1.0.0"], overridesFolder: ".agent33-overrides/")
        let health = evaluator.evaluate(RuleInspection(rule: rule, state: state, drifted: []), repository: "org/x", failures: .init(count: 0), driftIssueURL: nil)
        #expect(health.status == expected)
        #expect(health.daysSinceSync == days)
        #expect(health.alerts.map(\.kind) == (expected == .stale ? [.staleness] : []))
    }

    @Test("consecutive failures count back from the newest run; a success ends the streak, a run without the rule does not", arguments: [
        ([TargetResult.Status.failed, .failed, .failed], 3),
        ([.failed, .opened, .failed, .failed], 2),
        ([.failed, .failed, .failed, nil], 3),
        ([.opened, .unchanged], 0),
    ] as [([TargetResult.Status?], Int)])
    func failureStreak(_ statuses: [TargetResult.Status?], _ expected: Int) {
        let runs = statuses.enumerated().map { index, status in
            SyncResults(version: "v1.0.\(index)", sourceRepository: "org/up", sourceSHA: "", event: "release", mode: "full",
                        targets: status.map { [TargetResult(repository: "org/x", ruleID: "r", status: $0, message: "run \(index)")] } ?? [])
        }
        let streak = FailureHistory(runs: runs).streak(repository: "org/x", ruleID: "r")
        #expect(streak.count == expected)
        if expected > 0 { #expect(streak.lastMessage == "run \(statuses.lastIndex { $0 == .failed }!)") }
    }

    @Test("more than two consecutive failures in the history folder mark the rule Failing with a failure alert")
    func failingFromHistory() async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-01T09:00:00Z")
        try await scenario.syncAndMerge("v1.0.0", targets: [Self.api])
        for index in 1...3 {
            let run = SyncResults(version: "v1.0.0", sourceRepository: SyncScenario.source, sourceSHA: "", event: "schedule", mode: "incremental",
                                  run: RunReference(id: "\(index)", url: "https://github.example.com/example-org/agent33/actions/runs/\(index)"),
                                  targets: [TargetResult(repository: Self.api, ruleID: "sync-api-prompts", status: .failed, message: "push refused")])
            try run.encoded().write(to: scenario.harness.workingDirectory.appendingPathComponent("history/\(index).json", isDirectory: false).creatingFolder())
        }
        scenario.setClock("2026-11-02T09:00:00Z")
        let result = try await scenario.detect([Self.api], ["--history", "history"])
        #expect(result.status == 0, "\(result.log)")
        #expect(result.output("failing") == "sync-api-prompts")
        let alerts = try scenario.harness.directory.read("work/out/alerts.yaml")
        #expect(alerts.contains("type: failure"))
        #expect(alerts.contains("details: \"3 consecutive failed sync attempts; last: push refused\""))
        #expect(alerts.contains("https://github.example.com/example-org/agent33/actions/runs/3"))
        #expect(result.log.contains("::error title=Sync failure::example-org/api-service sync-api-prompts: 3 consecutive failed sync attempts"), "\(result.log)")
    }
}

extension URL {
    /// The URL, after creating its parent folder.
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
