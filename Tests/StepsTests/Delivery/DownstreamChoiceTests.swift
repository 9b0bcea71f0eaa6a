import Diagnostics
import Forge
import Foundation
import StepTestSupport
import Steps
import SyncCore
import SyncKit
import TestSupport
import Testing

/// What a downstream team decides about synced files: how a file it already had is adopted by
/// the first sync, and which upstream changes it declines for good. On the local forge and on
/// the fake GitHub, with the real steps.
@Suite("Adoption and declined changes")
struct DownstreamChoiceTests {
    static let api = SyncScenario.api
    static let rulePath = "core/orchestrator/distribution/rules/sync-api-prompts.yaml"
    static let checklist = "docs/agent33/prompts/checklist.md"
    static let checklistSource = "core/prompts/checklist.md"
    static let declinedFile = ".agent33-overrides/declined.yml"

    static func lines(_ count: Int, changing changes: [Int: String] = [:]) -> String {
        (1...count).map { changes[$0] ?? "Line \($0) of the checklist." }.joined(separator: "\n") + "\n"
    }

    static func ruleText(adopt: String?) -> String {
        """
        sync_rule:
          id: "sync-api-prompts"
          source: "core/prompts/**/*.md"
          target_repo: "example-org/api-service"
          target_path: "docs/agent33/prompts/"
          strategy: copy
          frequency: on_release
          labels: [prompts]
          delete_orphaned: true
        \(adopt.map { "  adopt: \($0)\n" } ?? "")
        """
    }

    static func text(_ files: [String: Data], _ path: String) throws -> String {
        String(decoding: try #require(files[path], "\(path) is missing"), as: UTF8.self)
    }

    static func syncPull(_ scenario: SyncScenario) async throws -> PullRequest {
        try #require(try await scenario.forge.openPullRequests(api, headPrefix: "agent33-sync/").first)
    }

    @Test("adopt: keep makes the team's file its override, stamped; the next release merges into it; a re-run writes nothing",
          arguments: ForgeBackend.allCases)
    func adoptKeep(_ backend: ForgeBackend) async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-02T09:00:00Z", backend: backend)
        let team = Self.lines(12, changing: [3: "Line 3, as the API team says it."])
        try await scenario.commitOnMain(Self.api, [Self.checklist: team])
        try scenario.release("v1.0.1", edits: [Self.rulePath: Self.ruleText(adopt: "keep"), Self.checklistSource: Self.lines(12)])
        let pulls = try await scenario.sync("v1.0.1", targets: [Self.api])
        #expect(pulls.count == 1)
        let branch = "agent33-sync/v1.0.1/sync-api-prompts"
        let files = try await scenario.files(Self.api, branch: branch, [Self.checklist, ".agent33-overrides/prompts/checklist.md", ".agent33-sync-state/base/" + Self.checklist])
        let kept = try Self.text(files, Self.checklist)
        #expect(kept.hasPrefix("<!-- agent33_version: v1.0.1"), "the kept file carries the version stamp like every synced file")
        #expect(kept.hasSuffix(team), "the team's text is kept as it was")
        #expect(try Self.text(files, ".agent33-overrides/prompts/checklist.md") == kept)
        #expect(try Self.text(files, ".agent33-sync-state/base/" + Self.checklist).hasSuffix(Self.lines(12)))
        let pull = try await Self.syncPull(scenario)
        #expect(pull.body.contains("### Adopted files"))
        #expect(pull.body.contains("- `\(Self.checklist)` was already here: kept as it is, and copied to the override `.agent33-overrides/prompts/checklist.md` (adopt: keep)"))
        #expect(!pull.autoMerge, "an adoption is never auto-merged")

        // Re-delivering the same plan writes nothing.
        let again = try await scenario.deliver(scenario.lastPlan)
        #expect(again.status == 0, "\(again.log)")
        let rerun = try SyncResults.decode(Data(contentsOf: scenario.harness.workingDirectory.appendingPathComponent(scenario.lastPlan + "/results.json")), file: "r")
        #expect(rerun.targets.allSatisfy { $0.status == .unchanged }, "\(rerun.targets.map { "\($0.status): \($0.message ?? "")" })")

        _ = try scenario.host.mergePullRequest(Self.api, number: pull.number)
        try scenario.release("v1.1.0", edits: [Self.checklistSource: Self.lines(12, changing: [11: "Line 11, sharpened upstream."])])
        _ = try await scenario.sync("v1.1.0", targets: [Self.api])
        let merged = try Self.text(try await scenario.files(Self.api, branch: "agent33-sync/v1.1.0/sync-api-prompts", [Self.checklist]), Self.checklist)
        #expect(merged.contains("Line 3, as the API team says it."))
        #expect(merged.contains("Line 11, sharpened upstream."))
        #expect(!merged.contains("<<<<<<<"), "\(merged)")
        #expect(merged.hasPrefix("<!-- agent33_version: v1.1.0"))

        // A release later, the override's old stamp still does not conflict with the new one.
        let second = try await Self.syncPull(scenario)
        _ = try scenario.host.mergePullRequest(Self.api, number: second.number)
        try scenario.release("v1.2.0", edits: [Self.checklistSource: Self.lines(12, changing: [11: "Line 11, sharpened upstream.", 12: "Line 12, new upstream."])])
        _ = try await scenario.sync("v1.2.0", targets: [Self.api])
        let third = try Self.text(try await scenario.files(Self.api, branch: "agent33-sync/v1.2.0/sync-api-prompts", [Self.checklist]), Self.checklist)
        #expect(!third.contains("<<<<<<<") && third.contains("Line 3, as the API team says it.") && third.contains("Line 12, new upstream."), "\(third)")
        #expect(third.hasPrefix("<!-- agent33_version: v1.2.0"))
    }

    @Test("adopt: overwrite replaces the file and says so; adopt: conflict (the default) merges against an empty base",
          arguments: ForgeBackend.allCases)
    func adoptOverwriteAndConflict(_ backend: ForgeBackend) async throws {
        for policy in ["overwrite", nil] as [String?] {
            var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-02T09:00:00Z", backend: backend)
            let team = Self.lines(4, changing: [2: "The API team's own line."])
            try await scenario.commitOnMain(Self.api, [Self.checklist: team])
            try scenario.release("v1.0.1", edits: [Self.rulePath: Self.ruleText(adopt: policy), Self.checklistSource: Self.lines(4)])
            _ = try await scenario.sync("v1.0.1", targets: [Self.api])
            let written = try Self.text(try await scenario.files(Self.api, branch: "agent33-sync/v1.0.1/sync-api-prompts", [Self.checklist]), Self.checklist)
            let pull = try await Self.syncPull(scenario)
            #expect(pull.body.contains("### Adopted files"))
            if policy == "overwrite" {
                #expect(!written.contains("The API team's own line."))
                #expect(pull.body.contains("replaced by upstream's version (adopt: overwrite)"))
            } else {
                #expect(written.contains("<<<<<<< ours") && written.contains("The API team's own line."), "\(written)")
                #expect(pull.body.contains("merged with upstream's version against an empty base (adopt: conflict)"))
                #expect(pull.labels.contains("agent33-conflict"))
            }
        }
    }

    @Test("a bad adopt value is a configuration error with file and line")
    func badAdopt() throws {
        let text = Self.ruleText(adopt: "merge")
        #expect(throws: Diagnostic.self) { try RuleSet.decodeRule(text, file: "rules/x.yaml") }
        do {
            _ = try RuleSet.decodeRule(text, file: "rules/x.yaml")
        } catch {
            #expect(error.description.contains("rules/x.yaml:10:"), "\(error.description)")
            #expect(error.description.contains("unknown adopt policy 'merge'"))
        }
    }

    @Test("a declined file is left alone, its PR closed; detect-drift ignores it; a pinned decline lapses when upstream changes it",
          arguments: ForgeBackend.allCases)
    func declined(_ backend: ForgeBackend) async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-02T09:00:00Z", backend: backend)
        try scenario.release("v1.0.1", edits: [Self.checklistSource: Self.lines(4)])
        try await scenario.syncAndMerge("v1.0.1", targets: [Self.api])

        // v1.1.0 changes the checklist; the team declines this version of it, and edits its copy.
        let changed = Self.lines(4, changing: [4: "Line 4, rewritten upstream."])
        try scenario.release("v1.1.0", edits: [Self.checklistSource: changed])
        _ = try await scenario.sync("v1.1.0", targets: [Self.api])
        let first = try await Self.syncPull(scenario)
        #expect(first.body.contains("<summary>Decline a change</summary>"))
        let sha = Checksum.sha256Hex(Data(changed.utf8))
        #expect(first.body.contains("upstream_sha256: \(sha.prefix(16))"))
        // Every release restamps every file: the team declines the other two for good.
        try await scenario.commitOnMain(Self.api, [
            Self.declinedFile: "declined:\n  - path: \(Self.checklist)\n    upstream_sha256: \(sha.prefix(16))\n    reason: Our checklist keeps line 4 as it was.\n"
                + "  - path: \(SyncScenario.review)\n    reason: We review our way.\n  - path: \(SyncScenario.summarize)\n    reason: Ours is shorter.\n",
            Self.checklist: "Our own checklist.\n",
        ])

        // The same release again: nothing left to write, the open PR that proposed it is closed.
        _ = try await scenario.sync("v1.1.0", targets: [Self.api])
        let results = try SyncResults.decode(Data(contentsOf: scenario.harness.workingDirectory.appendingPathComponent(scenario.lastPlan + "/results.json")), file: "r")
        let result = try #require(results.targets.first)
        #expect(result.status == .unchanged)
        #expect(result.message?.contains("3 declined downstream, left as they are: \(Self.checklist), \(SyncScenario.review), \(SyncScenario.summarize); closed #\(first.number)") == true,
                "\(result.message ?? "")")
        #expect(try await scenario.forge.openPullRequests(Self.api, headPrefix: "agent33-sync/").isEmpty)
        #expect(try Self.text(try await scenario.files(Self.api, [Self.checklist]), Self.checklist) == "Our own checklist.\n")

        // Drift: the edited, declined file is not drift.
        let drift = try await scenario.detect([Self.api])
        #expect(drift.status == 0, "\(drift.log)")
        let registry = try String(contentsOf: scenario.harness.workingDirectory.appendingPathComponent("out/registry.md"), encoding: .utf8)
        #expect(!registry.contains("| Drifted |"), "\(registry)")
        #expect(registry.contains("## Declined downstream"))
        #expect(registry.contains("| `\(Self.api)` | `sync-api-prompts` | `\(Self.checklist)` | `\(sha.prefix(12))` | Our checklist keeps line 4 as it was. |"), "\(registry)")
        #expect(registry.contains("| `\(Self.api)` | `sync-api-prompts` | `\(SyncScenario.review)` | every | We review our way. |"))
        #expect(try scenario.issues(Self.api).isEmpty, "no drift issue for a declined file")

        // A third run with nothing new: no PR, no commit.
        let head = try await scenario.forge.head(Self.api, branch: "main")?.id
        _ = try await scenario.sync("v1.1.0", targets: [Self.api])
        #expect(try await scenario.forge.openPullRequests(Self.api, headPrefix: "agent33-sync/").isEmpty)
        #expect(try await scenario.forge.head(Self.api, branch: "main")?.id == head)

        // Upstream changes the file again: the pinned decline lapses, the change is proposed.
        try scenario.release("v1.2.0", edits: [Self.checklistSource: Self.lines(4, changing: [1: "Line 1, new upstream."])])
        _ = try await scenario.sync("v1.2.0", targets: [Self.api])
        let again = try await Self.syncPull(scenario)
        #expect(again.head == "agent33-sync/v1.2.0/sync-api-prompts")
        #expect(try Self.text(try await scenario.files(Self.api, branch: again.head, [Self.checklist]), Self.checklist).contains("Line 1, new upstream."))
        #expect(!again.body.contains("- `\(Self.checklist)` (upstream version"), "the lapsed decline is not listed")
        #expect(again.body.contains("- `\(Self.checklist)`: edited here outside the overrides folder (drift)"), "the team's copy is merged as ours, not lost")
        #expect(again.body.contains("- `\(SyncScenario.review)` (every upstream version): We review our way."))
    }

    @Test("a decline without a version holds across releases, and the PR of other files says what was declined", arguments: ForgeBackend.allCases)
    func declinedEveryVersion(_ backend: ForgeBackend) async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-02T09:00:00Z", backend: backend)
        try scenario.release("v1.0.1", edits: [Self.checklistSource: Self.lines(4)])
        try await scenario.syncAndMerge("v1.0.1", targets: [Self.api])
        try await scenario.commitOnMain(Self.api, [Self.declinedFile: "declined:\n  - path: \(Self.checklist)\n    reason: We write our own.\n"])
        try scenario.release("v1.1.0", edits: [Self.checklistSource: Self.lines(4, changing: [2: "Two."]), "core/prompts/review.md": "# Review\n\nNew text.\n"])
        _ = try await scenario.sync("v1.1.0", targets: [Self.api])
        let pull = try await Self.syncPull(scenario)
        #expect(pull.body.contains("### Declined here"))
        #expect(pull.body.contains("- `\(Self.checklist)` (every upstream version): We write our own."))
        let branch = try await scenario.files(Self.api, branch: pull.head, [Self.checklist])
        #expect(try Self.text(branch, Self.checklist).contains("Line 2 of the checklist."), "the declined file is not touched on the sync branch")
    }

    @Test("declined.yml is read strictly: each problem names the file and line", arguments: [
        ("declined:\n  - path: a.md\n", "2:", "reason' is required"),
        ("declined:\n  - path: a.md\n    reason: ok\n  - path: a.md\n    reason: twice\n", "4:", "declined twice (first at line 2)"),
        ("declined:\n  - path: ../a.md\n    reason: x\n", "2:", "is not a path in this repository"),
        ("declined:\n  - path: a.md\n    reason: x\n    upstream_sha256: abc\n", "4:", "12 to 64 hexadecimal digits"),
        ("declined:\n  - path: a.md\n    reason: '  '\n", "3:", "the reason is empty"),
        ("declined:\n  - path: a.md\n    reasn: x\n", "3:", "reasn"),
    ])
    func declinedParsing(_ text: String, _ line: String, _ message: String) throws {
        do {
            _ = try DeclinedFiles.parse(text, file: "org/repo:.agent33-overrides/declined.yml")
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.description.contains("org/repo:.agent33-overrides/declined.yml:\(line)"), "\(error.description)")
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test("a declined entry matches its path, and a pinned one only the upstream version it names")
    func declinedMatching() throws {
        let declined = try DeclinedFiles.parse("declined:\n  - path: a.md\n    reason: r\n  - path: b.md\n    upstream_sha256: ABCDEF0123456789\n    reason: r\n", file: "d.yml")
        #expect(declined.entry(for: "a.md", upstreamSHA256: String(repeating: "0", count: 64)) != nil)
        #expect(declined.entry(for: "b.md", upstreamSHA256: "abcdef0123456789" + String(repeating: "0", count: 48)) != nil)
        #expect(declined.entry(for: "b.md", upstreamSHA256: String(repeating: "0", count: 64)) == nil)
        #expect(declined.entry(for: "c.md", upstreamSHA256: String(repeating: "0", count: 64)) == nil)
        #expect(try DeclinedFiles.parse("", file: "d.yml").entries.isEmpty)
    }
}
