import Forge
import Foundation
import Steps
import SyncCore
import TestSupport
import Testing

/// detect-drift against real downstream repositories, on the local forge and on the fake GitHub,
/// synced by the real steps.
@Suite("detect-drift end to end")
struct DetectDriftTests {
    static let api = SyncScenario.api

    @Test("a target that matches its sync state has no drift, no issue, and its rule is Current", arguments: ForgeBackend.allCases)
    func clean(backend: ForgeBackend) async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-01T09:00:00Z", backend: backend)
        try await scenario.syncAndMerge("v1.0.0", targets: [Self.api])
        scenario.setClock("2026-11-02T09:00:00Z")
        let result = try await scenario.detect([Self.api])
        #expect(result.status == 0, "\(result.log)")
        #expect(result.output("drifted") == "")
        #expect(result.output("drifted-files") == "0")
        #expect(result.output("stale") == "")
        #expect(try scenario.issues(Self.api).isEmpty)
        let registry = try scenario.harness.directory.read("work/out/registry.md")
        #expect(registry.contains("| `example-org/api-service` | `sync-api-prompts` | copy | on_release | 2026-11-01 | v1.0.0 | Current |"))
        #expect(try scenario.harness.directory.read("work/out/alerts.yaml") == "[]\n")
    }

    @Test("two rules naming one repository in two spellings are one target: one inspection, one drift issue that holds both rules' drift", arguments: ForgeBackend.allCases)
    func twoSpellings(backend: ForgeBackend) async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-01T09:00:00Z", backend: backend)
        try scenario.release("v1.0.1", edits: ["core/orchestrator/distribution/rules/sync-api-runbooks.yaml": """
            sync_rule:
              id: "sync-api-runbooks"
              source: "core/prompts/**/*.md"
              target_repo: "Example-Org/API-Service"
              target_path: "docs/runbooks/"
              strategy: copy
              frequency: on_release
            """])
        try await scenario.syncAndMerge("v1.0.1", targets: [Self.api])
        scenario.setClock("2026-11-02T09:00:00Z")
        // Drift in the first rule's files only: the second spelling must not close the issue it opens.
        try await scenario.commitOnMain(Self.api, [SyncScenario.review: "# Review Prompt\n\nOur own wording.\n"])
        let result = try await scenario.detect([Self.api])
        #expect(result.status == 0, "\(result.log)")
        #expect(result.output("drifted-files") == "1")
        let issues = try scenario.issues(Self.api)
        #expect(issues.count == 1 && issues.first?.state == "open", "\(issues.map { "\($0.number) \($0.state)" })")
        let registry = try scenario.harness.directory.read("work/out/registry.md")
        #expect(registry.contains("| `sync-api-prompts` |") && registry.contains("| `sync-api-runbooks` |"), "\(registry)")
        #expect(!registry.contains("`Example-Org/API-Service`"), "one target, named as first written")
    }

    @Test("drift opens one issue in the target, leaves it alone while unchanged, edits it as the drift changes, and closes it when the drift is gone", arguments: ForgeBackend.allCases)
    func issueLifecycle(backend: ForgeBackend) async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-01T09:00:00Z", backend: backend)
        try await scenario.syncAndMerge("v1.0.0", targets: [Self.api])
        let synced = try await scenario.files(Self.api, [SyncScenario.review, SyncScenario.summarize])
        scenario.setClock("2026-11-02T09:00:00Z")

        try await scenario.commitOnMain(Self.api, [SyncScenario.review: "# Review Prompt\n\nOur own wording.\n"])
        let first = try await scenario.detect([Self.api])
        #expect(first.status == 0, "\(first.log)")
        #expect(first.output("drifted") == Self.api)
        #expect(first.output("drifted-files") == "1")
        var issues = try scenario.issues(Self.api)
        try #require(issues.count == 1)
        let opened = issues[0]
        #expect(opened.state == "open" && opened.labels == ["agent33-drift"])
        #expect(opened.title == "agent33 sync drift: 1 synced file changed outside .agent33-overrides/")
        #expect(opened.body.contains("| `docs/agent33/prompts/review.md` | `sync-api-prompts` | v1.0.0 | modified | `.agent33-overrides/prompts/review.md` |"))
        #expect(opened.body.contains("| `docs/agent33/prompts/review.md` | `\(Checksum.gitBlobID(synced[SyncScenario.review]!))` |"))
        #expect(first.summary.contains("Drift") && first.summary.contains("[#\(opened.number)](\(opened.url))"))
        let alerts = try scenario.harness.directory.read("work/out/alerts.yaml")
        #expect(alerts.contains("- sync_alert:\n    type: drift\n    rule_id: \"sync-api-prompts\"\n    target_repo: \"example-org/api-service\"\n    detected_at: \"2026-11-02T09:00:00Z\"\n"))
        #expect(alerts.contains("see \(opened.url)"))

        let again = try await scenario.detect([Self.api])
        #expect(again.status == 0)
        #expect(again.log.contains("drift issue #\(opened.number) is up to date"))
        #expect(try scenario.issues(Self.api) == [opened])

        try await scenario.commitOnMain(Self.api, [SyncScenario.summarize: nil])
        let grown = try await scenario.detect([Self.api])
        #expect(grown.output("drifted-files") == "2")
        issues = try scenario.issues(Self.api)
        try #require(issues.count == 1)
        #expect(issues[0].number == opened.number)
        #expect(issues[0].title == "agent33 sync drift: 2 synced files changed outside .agent33-overrides/")
        #expect(issues[0].body.contains("| `docs/agent33/prompts/summarize.md` | `sync-api-prompts` | v1.0.0 | deleted | `.agent33-overrides/prompts/summarize.md` |"))

        try await scenario.commitOnMain(Self.api, synced.mapValues { String?(String(decoding: $0, as: UTF8.self)) })
        let gone = try await scenario.detect([Self.api])
        #expect(gone.status == 0)
        #expect(gone.output("drifted") == "")
        issues = try scenario.issues(Self.api)
        try #require(issues.count == 1)
        #expect(issues[0].state == "closed")
        #expect(issues[0].comments.count == 1 && issues[0].comments[0].contains("no drift left"))
        #expect(try await scenario.forge.openIssues(Self.api, label: "agent33-drift").isEmpty)
    }

    @Test("fail-on-drift turns found drift into exit 1; a target missing from the forge is an error, not a crash", arguments: ForgeBackend.allCases)
    func failOnDrift(backend: ForgeBackend) async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-01T09:00:00Z", backend: backend)
        try await scenario.syncAndMerge("v1.0.0", targets: [Self.api])
        try await scenario.commitOnMain(Self.api, [SyncScenario.review: "edited\n"])
        #expect(try await scenario.detect([Self.api]).status == 0)
        #expect(try await scenario.detect([Self.api], ["--fail-on-drift", "true"]).status == 1)

        let missing = try await scenario.detect([Self.api, "example-org/webapp"])
        #expect(missing.status == 1)
        let reason = backend == .local ? "example-org/webapp was not found on the local forge" : "/repos/example-org/webapp was not found (404)"
        #expect(missing.log.contains("example-org/webapp: could not be checked: \(reason)"), "\(missing.log)")
        #expect(missing.output("drifted") == Self.api)
    }

    @Test("a broken rules folder exits 2 before any target is touched")
    func brokenInput() async throws {
        let scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-01T09:00:00Z")
        try scenario.harness.directory.write("work/core/orchestrator/distribution/rules/zz.yaml", "sync_rule:\n  id: zz\n  colour: blue\n")
        let result = try await scenario.detect([Self.api])
        #expect(result.status == 2)
        #expect(result.log.contains("zz.yaml"))
        let history = try await scenario.harness.run(DetectDriftStep.self, scenario.forgeArguments + ["--history", "nowhere", "--rules-dir", "missing"])
        #expect(history.status == 2)
    }
}
