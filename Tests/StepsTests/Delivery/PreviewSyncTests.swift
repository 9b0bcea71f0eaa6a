import Delivery
import Forge
import Foundation
import StepTestSupport
import Steps
import SyncCore
import SyncKit
import TestSupport
import Testing

/// preview-sync on an upstream change: what it would do downstream, before it merges. The
/// conflicts it predicts are exactly those the real sync then leaves.
@Suite("Impact preview")
struct PreviewSyncTests {
    static let api = SyncScenario.api
    static let override = ".agent33-overrides/prompts/review.md"
    static let reviewSource = "core/prompts/review.md"

    /// api-service synced at v1.0.0 and merged, with an override of the review prompt; upstream
    /// then changes the same line on a branch, and the summary prompt too.
    static func world(_ backend: ForgeBackend) async throws -> SyncScenario {
        var scenario = try await SyncScenario(targets: [api], clock: "2026-11-02T09:00:00Z", backend: backend)
        try await scenario.syncAndMerge("v1.0.0", targets: [api])
        let synced = try String(decoding: #require(try await scenario.files(api, [SyncScenario.review])[SyncScenario.review]), as: UTF8.self)
        try await scenario.commitOnMain(api, [override: synced.replacingOccurrences(of: "Quote the line you comment on.", with: "Quote the line; be kind.")])
        if backend == .local { try scenario.host.createRepository(SyncScenario.source, files: ["README.md": Data("# upstream\n".utf8)]) }
        _ = try await scenario.forge.createIssue(SyncScenario.source, title: "Sharper review prompt", body: "", labels: [])
        let work = scenario.harness.workingDirectory
        _ = try GitFixture.git(["checkout", "-q", "-b", "sharper-review"], in: work)
        let review = try String(contentsOf: work.appendingPathComponent(reviewSource), encoding: .utf8)
        try scenario.harness.directory.write("work/" + reviewSource, review.replacingOccurrences(of: "Quote the line you comment on.", with: "Quote the exact line you comment on, with its number."))
        try scenario.harness.directory.write("work/core/prompts/summarize.md", "# Summarize Prompt\n\nSummarize in three bullet points.\n")
        try GitFixture.commitAll(work, message: "Sharper review prompt")
        return scenario
    }

    static func preview(_ scenario: SyncScenario, _ extra: [String] = []) async throws -> StepHarness.Result {
        try await scenario.harness.run(PreviewSyncStep.self, ["--base", "v1.0.0", "--pull-request", "1", "--report-path", "preview.md", "--source-repo", SyncScenario.source]
                                       + scenario.forgeArguments + extra)
    }

    @Test("the preview comment: files and line counts, the predicted conflict, the checks; posted once, left alone when nothing changed",
          arguments: ForgeBackend.allCases)
    func comment(_ backend: ForgeBackend) async throws {
        let scenario = try await Self.world(backend)
        let result = try await Self.preview(scenario)
        #expect(result.status == 0, "\(result.log)")
        #expect(result.output("conflicts") == "1")
        #expect(result.output("changed-targets") == "1")
        #expect(result.output("blocked") == "")
        #expect(result.log.contains("::warning title=Sync preview::Released, this change would leave 1 conflict"), "\(result.log)")
        let text = try String(contentsOf: scenario.harness.workingDirectory.appendingPathComponent("preview.md"), encoding: .utf8)
        // The first line is the marker, made with the token (different on each backend).
        #expect(text.hasPrefix(PreviewComment.markerPrefix + " "))
        Golden.check(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().joined(), named: "preview-comment.md")
        let comments = try await scenario.forge.comments(SyncScenario.source, number: 1)
        #expect(comments.count == 1 && comments.first?.body == text)

        // The same change again: the comment is not touched.
        let again = try await Self.preview(scenario)
        #expect(again.status == 0, "\(again.log)")
        #expect(try await scenario.forge.comments(SyncScenario.source, number: 1) == comments)
        #expect(again.log.contains("The preview comment is up to date"))
        // Nothing downstream was written: no branch, no pull request.
        #expect(try await scenario.forge.openPullRequests(Self.api, headPrefix: "agent33-sync/").isEmpty)
    }

    @Test("the conflicts the preview predicts are exactly those the real sync leaves", arguments: ForgeBackend.allCases)
    func predictionMatchesSync(_ backend: ForgeBackend) async throws {
        var scenario = try await Self.world(backend)
        let result = try await Self.preview(scenario, ["--comment", "false"])
        let text = try String(contentsOf: scenario.harness.workingDirectory.appendingPathComponent("preview.md"), encoding: .utf8)
        let predicted = text.split(separator: "\n").filter { $0.contains("| modified |") && $0.contains("lines ") }.map(String.init)
        #expect(result.status == 0 && predicted.count == 1, "\(text)")

        try GitFixture.tag("v1.1.0", in: scenario.harness.workingDirectory)
        _ = try await scenario.sync("v1.1.0", targets: [Self.api])
        let results = try SyncResults.decode(Data(contentsOf: scenario.harness.workingDirectory.appendingPathComponent(scenario.lastPlan + "/results.json")), file: "r")
        let conflicts = results.targets.flatMap(\.conflicts)
        #expect(conflicts.count == 1)
        for conflict in conflicts {
            let range = conflict.startLine == conflict.endLine ? "\(conflict.startLine)" : "\(conflict.startLine)-\(conflict.endLine)"
            #expect(predicted.contains { $0.contains("`\(conflict.path)`") && $0.contains("lines \(range)") }, "sync: \(conflict), preview: \(predicted)")
        }
    }

    @Test("a blocked rule fails the step; a change that touches no synced file removes the comment")
    func blockedAndUntouched() async throws {
        let scenario = try await Self.world(.local)
        _ = try await Self.preview(scenario)
        #expect(try await scenario.forge.comments(SyncScenario.source, number: 1).count == 1)
        // A token pasted into a synced prompt: the secret scan blocks the rule.
        let token = "ghp_" + String(repeating: "Zx9Qw8Er7T", count: 4).prefix(36)
        try scenario.harness.directory.write("work/core/prompts/setup.md", "# Setup\n\nexport GITHUB_TOKEN=\(token)\n")
        try GitFixture.commitAll(scenario.harness.workingDirectory, message: "oops")
        let blocked = try await Self.preview(scenario)
        #expect(blocked.status == 1, "\(blocked.log)")
        #expect(blocked.output("blocked") == "sync-api-prompts")
        #expect(!blocked.log.contains(String(token)), "the secret never reaches the log")
        let body = try await scenario.forge.comments(SyncScenario.source, number: 1).first?.body ?? ""
        #expect(body.contains("### Blocked by validation") && !body.contains(String(token)))

        // Back out every synced change: the comment goes.
        _ = try GitFixture.git(["reset", "-q", "--hard", "v1.0.0"], in: scenario.harness.workingDirectory)
        try scenario.harness.directory.write("work/NOTES.txt", "not synced\n")
        try GitFixture.commitAll(scenario.harness.workingDirectory, message: "notes")
        let untouched = try await Self.preview(scenario)
        #expect(untouched.status == 0)
        #expect(try await scenario.forge.comments(SyncScenario.source, number: 1).isEmpty)
    }

    @Test("a comment someone else starts with the marker is never edited or deleted", arguments: ForgeBackend.allCases)
    func spoofedMarker(_ backend: ForgeBackend) async throws {
        let scenario = try await Self.world(backend)
        let decoy = try await scenario.forge.createComment(SyncScenario.source, number: 1, body: "<!-- flash-sync:preview -->\nNothing would change, merge away.")
        let result = try await Self.preview(scenario)
        #expect(result.status == 0, "\(result.log)")
        let comments = try await scenario.forge.comments(SyncScenario.source, number: 1)
        #expect(comments.count == 2)
        #expect(comments.contains(decoy), "the decoy is left as it was")
        #expect(comments.contains { $0.id != decoy.id && $0.body.contains("## Sync preview") })
    }

    @Test("a pull request from a fork: the preview is in the summary only, no comment is written", arguments: ForgeBackend.allCases)
    func fork(_ backend: ForgeBackend) async throws {
        var scenario = try await Self.world(backend)
        let base = try GitFixture.git(["rev-parse", "v1.0.0^{commit}"], in: scenario.harness.workingDirectory).trimmingCharacters(in: .whitespacesAndNewlines)
        let event = #"{"action":"synchronize","pull_request":{"number":1,"head":{"sha":"x","ref":"sharper-review","repo":{"full_name":"someone/agent33"}},"#
            + #""base":{"sha":"\#(base)","ref":"main","repo":{"full_name":"example-org/agent33"}}}}"#
        scenario.harness.environment["GITHUB_EVENT_NAME"] = "pull_request"
        scenario.harness.environment["GITHUB_EVENT_PATH"] = try scenario.harness.directory.write("pr.json", event).path
        let result = try await scenario.harness.run(PreviewSyncStep.self, ["--source-repo", SyncScenario.source, "--report-path", "preview.md"] + scenario.forgeArguments)
        #expect(result.status == 0, "\(result.log)")
        #expect(result.log.contains("A pull request from a fork gets no token that may comment upstream"))
        #expect(result.summary.contains("## Sync preview") && result.summary.contains("lines "))
        #expect(try await scenario.forge.comments(SyncScenario.source, number: 1).isEmpty)
        #expect(result.output("comment") == "")
    }

    @Test("a long preview folds its largest sections to fit GitHub's comment limit")
    func folding() {
        var rules: [SyncPreview.Rule] = []
        for index in 0..<400 {
            var rule = SyncPreview.Rule(repository: "org/target-\(index)", ruleID: "sync-docs")
            rule.files = (0..<(index % 7 + 1)).map { SyncPreview.File(path: "docs/file-\($0).md", kind: .modified, stat: DiffStat(added: 3, removed: 1)) }
            rules.append(rule)
        }
        let comment = PreviewComment(preview: SyncPreview(touchedRules: ["sync-docs"], rules: rules, unchangedTargets: 12, targets: 412), version: "v2.0.0",
                                     runURL: "https://github.com/org/up/actions/runs/42", marker: PreviewComment.marker(key: "k", pullRequest: "org/up#1")).markdown
        #expect(comment.count <= 65_536)
        #expect(comment.contains("folded"))
        #expect(comment.contains("the step summary of [the run](https://github.com/org/up/actions/runs/42) has the full report"))
        #expect(comment.contains("12 targets would be unchanged"))
    }
}
