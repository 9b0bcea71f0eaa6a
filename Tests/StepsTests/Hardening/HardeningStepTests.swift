import Forge
import Foundation
import StepTestSupport
import Steps
import SyncCore
import SyncKit
import TestSupport
import Testing

/// The safety promises end to end, one test per class of failure: nothing written outside a
/// rule's folder, no override lost, no secret leaked, bad inputs refused before anything is done.
@Suite("Hardening: crafted names, forged state, tampered plans, bad inputs")
struct HardeningStepTests {
    static let api = SyncScenario.api
    static let readme = Data("# example-org/api-service\n".utf8)

    // MARK: Writes outside the rule's folder

    @Test("an upstream file name with a newline cannot add its own tree entries: it is refused by name")
    func craftedUpstreamName() async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-21T10:00:00Z")
        let crafted = "core/prompts/evil.md\n100644 e69de29bb2d1d6434b8b29ae775ad8c2e48c5391\tREADME.md"
        try scenario.release("v1.1.0", edits: [crafted: "# crafted\n", "core/prompts/review.md": "# Review\n\nNew text.\n"])
        let pulls = try await scenario.sync("v1.1.0", targets: [Self.api])
        let plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: scenario.harness.workingDirectory.appendingPathComponent(scenario.lastPlan + "/plan.json")))
        let skipped = plan.targets.flatMap(\.rules).flatMap(\.skippedFiles)
        #expect(skipped.contains { $0.source == crafted && $0.reason.contains("control character U+000A") })
        #expect(pulls.count == 1)
        let branch = try #require(try await scenario.forge.openPullRequests(Self.api, headPrefix: "agent33-sync/").first?.head)
        let files = try await scenario.files(Self.api, branch: branch, ["README.md"])
        #expect(files["README.md"] == Self.readme)
        let head = try #require(try await scenario.forge.head(Self.api, branch: branch))
        let changed = try await scenario.forge.changes(Self.api, commit: head.id).keys
        #expect(changed.allSatisfy { $0.hasPrefix("docs/agent33/prompts/") || $0.hasPrefix(".agent33-sync-state/") })
    }

    @Test("a forged sync state listing README.md or an override deletes nothing and names the entry")
    func forgedState() async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-21T10:00:00Z")
        try await scenario.syncAndMerge("v1.0.0", targets: [Self.api])
        let state = try #require(try await scenario.files(Self.api, [SyncScenario.apiState])[SyncScenario.apiState])
        let original = try SyncState.decode(state, path: "state")
        let override = ".agent33-overrides/prompts/review.md"
        try await scenario.commitOnMain(Self.api, [override: "# our review\n"])
        try scenario.release("v1.1.0", edits: ["core/prompts/review.md": "# Review\n\nNew text.\n"])
        scenario.harness.environment["GITHUB_EVENT_NAME"] = "release"
        scenario.harness.environment["GITHUB_EVENT_PATH"] = try scenario.harness.directory.write("event.json", #"{"action":"published","release":{"tag_name":"v1.1.0"}}"#).path
        for (index, path) in ["README.md", override].enumerated() {
            let content = path == "README.md" ? Self.readme : Data("# our review\n".utf8)
            var forged = original
            forged.files[path] = .init(sha256: Checksum.sha256Hex(content), upstreamSHA256: Checksum.sha256Hex(content), gitBlob: Checksum.gitBlobID(content),
                                       rule: "sync-api-prompts", version: "v1.0.0", sourceCommit: nil, syncedAt: "2026-11-21T10:00:00Z")
            try await scenario.commitOnMain(Self.api, [SyncScenario.apiState: String(decoding: try forged.encoded(), as: UTF8.self)])
            let plan = try await scenario.harness.run(PlanSyncStep.self, ["--mode", "full", "--target-repos", Self.api, "--plan-dir", "forged-\(index)"] + scenario.forgeArguments)
            if path == "README.md" {
                // Outside the rule's folder (as after a target_path change): planned, never an orphan, named.
                #expect(plan.status == 0, "\(plan.log)")
                let planned = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: scenario.harness.workingDirectory.appendingPathComponent("forged-0/plan.json")))
                let rule = try #require(planned.targets.first?.rules.first)
                #expect(!rule.orphans.contains("README.md"))
                #expect(rule.skippedFiles.contains { $0.destination == "README.md" && $0.reason.contains("not deleted") })
                let delivered = try await scenario.deliver("forged-0")
                #expect(delivered.status == 0, "\(delivered.log)")
            } else {
                #expect(plan.status == 1, "\(plan.log)")
                #expect(plan.log.contains(path) && plan.log.contains(SyncScenario.apiState) && plan.log.contains("from the last sync commit"), "\(plan.log)")
            }
            let pulls = try await scenario.forge.openPullRequests(Self.api, headPrefix: "agent33-sync/")
            for pull in pulls {
                let files = try await scenario.files(Self.api, branch: pull.head, ["README.md", override])
                #expect(files["README.md"] == Self.readme && files[override] != nil)
            }
            let files = try await scenario.files(Self.api, ["README.md", override])
            #expect(files["README.md"] == Self.readme && files[override] != nil)
        }
        // A state under another rule's name is refused too.
        var renamed = original
        renamed.rule = "sync-other"
        try await scenario.commitOnMain(Self.api, [SyncScenario.apiState: String(decoding: try renamed.encoded(), as: UTF8.self)])
        let second = try await scenario.harness.run(PlanSyncStep.self, ["--mode", "full", "--target-repos", Self.api, "--plan-dir", "forged-renamed"] + scenario.forgeArguments)
        #expect(second.status == 1 && second.log.contains("belongs to rule 'sync-other'"), "\(second.log)")
    }

    @Test("a tampered plan artifact is refused before anything is written, each entry named")
    func tamperedPlan() async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-21T10:00:00Z")
        scenario.harness.environment["GITHUB_EVENT_NAME"] = "release"
        scenario.harness.environment["GITHUB_EVENT_PATH"] = try scenario.harness.directory.write("event.json", #"{"action":"published","release":{"tag_name":"v1.0.0"}}"#).path
        let planned = try await scenario.harness.run(PlanSyncStep.self, ["--mode", "full", "--target-repos", Self.api, "--plan-dir", "plan"])
        #expect(planned.status == 0, "\(planned.log)")
        let url = scenario.harness.workingDirectory.appendingPathComponent("plan/plan.json")
        for destination in ["/etc/passwd", ".git/hooks/post-checkout", ".GIT/config", "docs/agent33/prompts/./x.md", "docs/agent33/prompts//x.md",
                            ".agent33-overrides/prompts/review.md", "README.md", "docs/agent33/prompts/a\nb.md"] {
            var plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: url))
            plan.targets[0].rules[0].files[0].destination = destination
            let folder = scenario.harness.workingDirectory.appendingPathComponent("tampered")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("blobs"), withIntermediateDirectories: true)
            try JSONEncoder().encode(plan).write(to: folder.appendingPathComponent("plan.json"))
            let result = try await scenario.deliver("tampered")
            #expect(result.status == 2, "\(destination.debugDescription): \(result.log)")
            #expect(result.log.contains("is refused"), "\(result.log)")
        }
        #expect(try await scenario.forge.openPullRequests(Self.api, headPrefix: "").isEmpty)
    }

    /// plan-sync on the example upstream with one more rule file, `zz.yaml`.
    static func planWithRule(source: String = "core/prompts/*.md", repository: String = "example-org/zz", targetPath: String,
                             extra: String = "") async throws -> StepHarness.Result {
        let harness = try PlanSyncTests.upstream()
        try harness.directory.write("work/core/orchestrator/distribution/rules/zz.yaml", """
        sync_rule:
          id: "zz"
          source: "\(source)"
          target_repo: "\(repository)"
          target_path: "\(targetPath)"
          strategy: copy
          frequency: on_release
        \(extra)
        """)
        return try await harness.run(PlanSyncStep.self, ["--mode", "full", "--plan-dir", "plan"])
    }

    @Test("a rule target_path inside the namespace's folders, or .git in any case, is a configuration error",
          arguments: [".agent33-sync-state/", ".Agent33-Overrides/x/", ".GIT/", "docs/.Git/hooks/", "docs/./x/"])
    func reservedTargets(_ target: String) async throws {
        let result = try await Self.planWithRule(targetPath: target)
        #expect(result.status == 2, "\(target): \(result.log)")
        #expect(result.log.contains("zz.yaml"), "\(result.log)")
    }

    @Test("two spellings of one repository writing one path are an overlap")
    func repositoryCase() async throws {
        let result = try await Self.planWithRule(repository: "Example-Org/API-Service", targetPath: "docs/agent33/prompts/")
        #expect(result.status == 2)
        #expect(result.log.contains("both write docs/agent33/prompts/review.md"), "\(result.log)")
    }

    @Test("a source glob that selects nothing is a configuration error with its file and line")
    func emptySelection() async throws {
        let result = try await Self.planWithRule(source: "core/promtps/*.md", targetPath: "docs/", extra: "  delete_orphaned: true")
        #expect(result.status == 2)
        #expect(result.log.contains("zz.yaml,line=2") && result.log.contains("selects no file"), "\(result.log)")
    }

    @Test("a selection that shrinks by more than half deletes nothing without force, and says why")
    func shrinkingSelection() async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-21T10:00:00Z")
        try scenario.release("v1.1.0", edits: ["core/prompts/a.md": "# A\n", "core/prompts/b.md": "# B\n", "core/prompts/c.md": "# C\n"])
        try await scenario.syncAndMerge("v1.1.0", targets: [Self.api])
        for name in ["a", "b", "c", "summarize"] {
            try FileManager.default.removeItem(at: scenario.harness.workingDirectory.appendingPathComponent("core/prompts/\(name).md"))
        }
        try scenario.release("v1.2.0", edits: ["core/prompts/review.md": "# Review\n\nv1.2.0\n"])
        scenario.harness.environment["GITHUB_EVENT_NAME"] = "release"
        scenario.harness.environment["GITHUB_EVENT_PATH"] = try scenario.harness.directory.write("event.json", #"{"action":"published","release":{"tag_name":"v1.2.0"}}"#).path
        let plan = try await scenario.harness.run(PlanSyncStep.self, ["--mode", "incremental", "--target-repos", Self.api, "--plan-dir", "shrunk"] + scenario.forgeArguments)
        #expect(plan.status == 0, "\(plan.log)")
        let planned = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: scenario.harness.workingDirectory.appendingPathComponent("shrunk/plan.json")))
        #expect(planned.targets.first?.rules.first?.orphans.count == 4)
        let delivered = try await scenario.deliver("shrunk")
        #expect(delivered.status == 0, "\(delivered.log)")
        let branch = try #require(try await scenario.forge.openPullRequests(Self.api, headPrefix: "agent33-sync/").first { $0.head.contains("1.2.0") })
        #expect(branch.body.contains("shrank from 5 synced files to 1"), "\(branch.body)")
        let head = try #require(try await scenario.forge.head(Self.api, branch: branch.head))
        let changes = try await scenario.forge.changes(Self.api, commit: head.id)
        #expect(!changes.values.contains { $0 == nil }, "nothing is deleted")
    }

    @Test("a synced path that is a symbolic link downstream is left alone and named as a link")
    func symbolicLinkDownstream() async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-21T10:00:00Z")
        try await scenario.syncAndMerge("v1.0.0", targets: [Self.api])
        let bare = scenario.harness.directory.path("forge/\(Self.api).git")
        let clone = scenario.harness.directory.path("clone")
        try GitFixture.git(["clone", "-q", bare.path, clone.path], in: scenario.harness.directory.url)
        try FileManager.default.removeItem(at: clone.appendingPathComponent(SyncScenario.review))
        try FileManager.default.createSymbolicLink(atPath: clone.appendingPathComponent(SyncScenario.review).path, withDestinationPath: "../../../README.md")
        try GitFixture.commitAll(clone, message: "link")
        try GitFixture.git(["push", "-q", "origin", "HEAD:main"], in: clone)
        try scenario.release("v1.1.0", edits: ["core/prompts/review.md": "# Review\n\nNew text.\n", "core/prompts/summarize.md": "# Summarize\n\nNew.\n"])
        _ = try await scenario.sync("v1.1.0", targets: [Self.api])
        let pull = try #require(try await scenario.forge.openPullRequests(Self.api, headPrefix: "agent33-sync/").first)
        #expect(pull.body.contains("symbolic link"), "\(pull.body)")
        let head = try #require(try await scenario.forge.head(Self.api, branch: pull.head))
        #expect(try await scenario.forge.symbolicLinks(Self.api, at: head.id, paths: [SyncScenario.review]) == [SyncScenario.review])
        let changes = try await scenario.forge.changes(Self.api, commit: head.id)
        #expect(changes[SyncScenario.review] == nil && changes[SyncScenario.summarize] != nil)
    }

    @Test("a folder above a synced path that is a symbolic link downstream is never written through")
    func symbolicLinkFolderDownstream() async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-21T10:00:00Z")
        try await scenario.syncAndMerge("v1.0.0", targets: [Self.api])
        let bare = scenario.harness.directory.path("forge/\(Self.api).git")
        let clone = scenario.harness.directory.path("clone")
        try GitFixture.git(["clone", "-q", bare.path, clone.path], in: scenario.harness.directory.url)
        try FileManager.default.removeItem(at: clone.appendingPathComponent("docs/agent33/prompts"))
        try FileManager.default.createSymbolicLink(atPath: clone.appendingPathComponent("docs/agent33/prompts").path, withDestinationPath: "../../.github")
        try GitFixture.commitAll(clone, message: "prompts folder is a link")
        try GitFixture.git(["push", "-q", "origin", "HEAD:main"], in: clone)
        try scenario.release("v1.1.0", edits: ["core/prompts/review.md": "# Review\n\nNew text.\n"])
        _ = try await scenario.sync("v1.1.0", targets: [Self.api])
        // Every synced file is under the link: nothing is committed, and the result says why.
        #expect(try await scenario.forge.openPullRequests(Self.api, headPrefix: "agent33-sync/").isEmpty)
        let results = try SyncResults.decode(Data(contentsOf: scenario.harness.workingDirectory.appendingPathComponent(scenario.lastPlan + "/results.json")), file: "results")
        let result = try #require(results.targets.first)
        #expect(result.status == .skipped && result.message?.contains("symbolic link") == true, "\(result)")
    }

    @Test("open-sync-pr delivers only what validate-sync checked: an unchecked plan is refused, a blocked rule never delivered")
    func validationStandsBetween() async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-21T10:00:00Z")
        scenario.harness.environment["GITHUB_EVENT_NAME"] = "release"
        scenario.harness.environment["GITHUB_EVENT_PATH"] = try scenario.harness.directory.write("event.json", #"{"action":"published","release":{"tag_name":"v1.0.0"}}"#).path
        let planned = try await scenario.harness.run(PlanSyncStep.self, ["--mode", "full", "--target-repos", Self.api, "--plan-dir", "v"])
        #expect(planned.status == 0, "\(planned.log)")
        let unchecked = try await scenario.harness.run(OpenSyncPRStep.self, ["--plan", "v/plan.json"] + scenario.forgeArguments)
        #expect(unchecked.status == 2 && unchecked.log.contains("validate-sync did not check"), "\(unchecked.log)")
        let validated = try await scenario.harness.run(ValidateSyncStep.self, ["--plan", "v/plan.json"])
        #expect(validated.status == 0, "\(validated.log)")
        let url = scenario.harness.workingDirectory.appendingPathComponent("v/validated-plan.json")
        var plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: url))
        plan.targets[0].rules[0].validation?.blocked = true
        try JSONEncoder().encode(plan).write(to: url)
        let blocked = try await scenario.harness.run(OpenSyncPRStep.self, ["--plan", "v/validated-plan.json", "--results-path", "v/results.json"] + scenario.forgeArguments)
        #expect(blocked.status == 0, "\(blocked.log)")
        #expect(try await scenario.forge.openPullRequests(Self.api, headPrefix: "").isEmpty)
        let results = try SyncResults.decode(Data(contentsOf: scenario.harness.workingDirectory.appendingPathComponent("v/results.json")), file: "results")
        #expect(results.targets.map(\.status) == [.blocked])
    }

    @Test("a sync branch is never the base branch, and force never replaces a branch flash-sync did not make")
    func branchSafety() async throws {
        var scenario = try await SyncScenario(targets: [Self.api], clock: "2026-11-21T10:00:00Z")
        try scenario.harness.directory.write("work/.github/flash-sync/settings.yml", "branch_template: \"{rule-id}\"\n")
        try GitFixture.commitAll(scenario.harness.workingDirectory, message: "settings")
        try GitFixture.tag("v1.0.1", in: scenario.harness.workingDirectory)
        // The rule's branch would be "sync-api-prompts": a team works on a branch of that name.
        let head = try #require(try await scenario.forge.head(Self.api, branch: "main"))
        _ = try await scenario.forge.commit(Self.api, CommitRequest(branch: "sync-api-prompts", parent: head.id, message: "team work in progress", changes: ["wip.md": Data("wip\n".utf8)]))
        scenario.harness.environment["GITHUB_EVENT_NAME"] = "release"
        scenario.harness.environment["GITHUB_EVENT_PATH"] = try scenario.harness.directory.write("event.json", #"{"action":"published","release":{"tag_name":"v1.0.1"}}"#).path
        let planned = try await scenario.harness.run(PlanSyncStep.self, ["--mode", "full", "--target-repos", Self.api, "--plan-dir", "b"])
        #expect(planned.status == 0, "\(planned.log)")
        let forced = try await scenario.deliver("b", ["--force", "true"])
        #expect(forced.log.contains("not a sync branch"), "\(forced.log)")
        let branch = try #require(try await scenario.forge.head(Self.api, branch: "sync-api-prompts"))
        #expect(branch.message == "team work in progress")
        for template in ["\"main\"", "\"refs/heads/{rule-id}\""] {
            try scenario.harness.directory.write("work/.github/flash-sync/settings.yml", "branch_template: \(template)\n")
            let refused = try await scenario.harness.run(PlanSyncStep.self, ["--mode", "full", "--target-repos", Self.api, "--plan-dir", "c"])
            #expect(refused.status == 2, "\(template): \(refused.log)")
        }
    }

    @Test("an include filter that matches nothing is a configuration error, not a silent narrowing")
    func includeTypo() async throws {
        let result = try await Self.planWithRule(targetPath: "docs/", extra: "  filters:\n    include: [\"core/prompts/reveiw.md\"]")
        #expect(result.status == 2)
        #expect(result.log.contains("filters.include 'core/prompts/reveiw.md' matches none"), "\(result.log)")
    }

    @Test("an output path that is a folder, a device or a link is refused before the step acts")
    func outputKinds() async throws {
        let harness = try PlanSyncTests.upstream()
        try FileManager.default.createDirectory(at: harness.directory.path("a-folder"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: harness.directory.path("a-link"), withDestinationURL: harness.directory.path("elsewhere"))
        for (input, path, reason) in [("--plan-dir", harness.directory.path("a-file").path, "a file"), ("--plan-dir", harness.directory.path("a-link").path, "symbolic link")] {
            if reason == "a file" { try harness.directory.write("a-file", "x") }
            let result = try await harness.run(PlanSyncStep.self, ["--mode", "full", input, path])
            #expect(result.status == 2 && result.log.contains(reason), "\(result.log)")
        }
        let validate = try await harness.run(ValidateSecretsStep.self, ["--report-path", harness.directory.path("a-folder").path])
        #expect(validate.status == 2 && validate.log.contains("it is a folder"), "\(validate.log)")
        let device = try await harness.run(ValidateSecretsStep.self, ["--report-path", "/dev/null"])
        #expect(device.status == 2 && device.log.contains("not a regular file"), "\(device.log)")
    }

    // MARK: Inputs that must fail early and clearly

    @Test("a version or tag that is not a tag name is refused before anything is planned", arguments: ["v1.2.3\n::error::x", "v1 2", "../v1", "v1..2"])
    func badVersion(_ version: String) async throws {
        let harness = try PlanSyncTests.upstream()
        let result = try await harness.run(PlanSyncStep.self, ["--mode", "full", "--plan-dir", "plan", "--version", version])
        #expect(result.status == 2, "\(result.log)")
        #expect(!FileManager.default.fileExists(atPath: harness.workingDirectory.appendingPathComponent("plan/plan.json").path))
    }

    @Test("settings: a branch template that is no branch name, a negative threshold, a long namespace")
    func badSettings() async throws {
        let harness = try PlanSyncTests.upstream()
        let cases = [
            ("branch_template: \"../{rule-id}\"\n", "does not make a valid git branch name"),
            ("staleness:\n  on_release_days: -3\n", "staleness.on_release_days is -3"),
            ("namespace: \(String(repeating: "a", count: 300))\n", "the limit is 39"),
        ]
        for (text, message) in cases {
            try harness.directory.write("work/.github/flash-sync/settings.yml", text)
            let result = try await harness.run(PlanSyncStep.self, ["--mode", "full", "--plan-dir", "plan"])
            #expect(result.status == 2)
            #expect(result.log.contains("file=.github/flash-sync/settings.yml,line=") && result.log.contains(message), "\(result.log)")
        }
    }

    @Test("an unwritable GITHUB_OUTPUT or output path stops the step before it acts, naming it")
    func unwritableOutputs() async throws {
        var harness = try PlanSyncTests.upstream()
        let file = try harness.directory.write("a-file", "x")
        harness.environment["GITHUB_OUTPUT"] = file.appendingPathComponent("output").path
        let result = try await harness.run(PlanSyncStep.self, ["--mode", "full", "--plan-dir", "plan"])
        #expect(result.status == 2)
        #expect(result.log.contains("GITHUB_OUTPUT names \(file.path)/output"), "\(result.log)")
        #expect(!FileManager.default.fileExists(atPath: harness.workingDirectory.appendingPathComponent("plan").path))
        harness.environment["GITHUB_OUTPUT"] = harness.directory.path("out").path
        let second = try await harness.run(PlanSyncStep.self, ["--mode", "full", "--plan-dir", "a-file-dir/x", "--plan-dir", "../a-file/plan"])
        #expect(second.status == 2)
    }

    @Test("typos select nothing no more: unknown rules, targets and a missing rules folder are errors with a suggestion")
    func typos() async throws {
        let harness = try PlanSyncTests.upstream()
        let rule = try await harness.run(PlanSyncStep.self, ["--plan-dir", "plan", "--rules", "sync-api-promts"])
        #expect(rule.status == 2 && rule.log.contains("Did you mean 'sync-api-prompts'?"), "\(rule.log)")
        let target = try await harness.run(PlanSyncStep.self, ["--plan-dir", "plan", "--target-repos", "example-org/api-servce"])
        #expect(target.status == 2 && target.log.contains("Did you mean 'example-org/api-service'?"), "\(target.log)")
        let folder = try await harness.run(PlanSyncStep.self, ["--plan-dir", "plan", "--rules-dir", "core/orchestrator/distribution/rulez"])
        #expect(folder.status == 2 && folder.log.contains("not a folder"), "\(folder.log)")
        let file = try await harness.run(PlanSyncStep.self, ["--plan-dir", "plan", "--rules-dir", "sync_targets.yml"])
        #expect(file.status == 2 && file.log.contains("a file, not a folder"), "\(file.log)")
        let targets = try await harness.run(PlanSyncStep.self, ["--plan-dir", "plan", "--targets-file", "sync_target.yml"])
        #expect(targets.status == 2 && targets.log.contains("does not exist"), "\(targets.log)")
        let drift = try await harness.run(DetectDriftStep.self, ["--forge", "local:.", "--target-repos", "example-org/api-servce"])
        #expect(drift.status == 2 && drift.log.contains("Did you mean"), "\(drift.log)")
    }

    @Test("configuration is read from inside the repository only, by every step")
    func configurationOutside() async throws {
        let harness = try PlanSyncTests.upstream()
        let outside = try TemporaryDirectory()
        try FileManager.default.copyItem(at: harness.workingDirectory.appendingPathComponent("core/orchestrator/distribution/rules"), to: outside.path("rules"))
        try FileManager.default.createSymbolicLink(at: harness.workingDirectory.appendingPathComponent("linked-rules"), withDestinationURL: outside.path("rules"))
        for arguments in [["--rules-dir", outside.path("rules").path], ["--rules-dir", "../x"], ["--rules-dir", "linked-rules"], ["--settings", "/etc/hostname"]] {
            let result = try await harness.run(PlanSyncStep.self, ["--plan-dir", "plan"] + arguments)
            #expect(result.status == 2, "\(arguments): \(result.log)")
            #expect(result.log.contains("inside the repository") || result.log.contains("outside the repository"), "\(result.log)")
        }
        let secrets = try await harness.run(ValidateSecretsStep.self, ["--secrets-spec", "/etc/passwd"])
        #expect(secrets.status == 2 && !secrets.log.contains("root:"), "\(secrets.log)")
    }
}
