import Foundation
import SyncCore
import SyncKit
import TestSupport
import Testing

@Suite("Planner")
struct PlannerTests {
    static func rule(_ id: String, source: String, repository: String = "org/a", path: String = "docs/", strategy: SyncStrategy = .copy,
                     frequency: SyncFrequency = .onRelease, transforms: [SyncTransform] = [], dependsOn: [String] = []) throws -> SyncRule {
        SyncRule(id: id, source: try Glob(source), targetRepository: repository, targetPath: path, strategy: strategy, frequency: frequency,
                 transforms: transforms, dependsOn: dependsOn, file: "rules/\(id).yaml", line: 2)
    }

    static func tree(_ files: [String: String]) throws -> (TemporaryDirectory, SourceTree) {
        let directory = try TemporaryDirectory()
        for (path, text) in files { try directory.write(path, text) }
        return (directory, try SourceTree.workingTree(directory.url))
    }

    static func request(_ rules: [SyncRule], _ source: SourceTree, trigger: SyncTrigger = .release(tag: "v1.0.0"), mode: SyncMode = .full,
                        states: [String: TargetState] = [:], targets: Set<String>? = nil) throws -> PlanRequest {
        PlanRequest(rules: try RuleSet(rules: rules, settings: SyncSettings()), source: source, trigger: trigger, mode: mode, targets: targets,
                    version: "v1.0.0", tag: "v1.0.0", releaseDate: "2026-01-30", sourceRepository: "org/up", states: states, createdAt: "2026-01-30T12:00:00Z")
    }

    @Test("two rules writing the same path in one repository is an error naming both")
    func overlap() throws {
        let (directory, source) = try Self.tree(["core/a.md": "# A\n", "core/sub/b.md": "# B\n"])
        _ = directory
        let rules = [try Self.rule("one", source: "core/**/*.md"), try Self.rule("two", source: "core/sub/*.md", path: "docs/sub/")]
        do {
            _ = try Planner().plan(try Self.request(rules, source))
            Issue.record("overlap accepted")
        } catch PlanError.configuration(let errors) {
            #expect(errors.diagnostics.map(\.message) == ["rules 'one' (rules/one.yaml:2) and 'two' both write docs/sub/b.md in org/a on the default branch; a path can have only one writer, or syncs would oscillate."])
        }
        // The same paths in two different repositories are fine.
        let apart = [try Self.rule("one", source: "core/**/*.md"), try Self.rule("two", source: "core/sub/*.md", repository: "org/b", path: "docs/sub/")]
        #expect(try Planner().plan(try Self.request(apart, source)).plan.fileCount == 3)
    }

    @Test("selection follows the event: release, push, manual, schedule", arguments: [
        (SyncTrigger.release(tag: "v1.0.0"), ["rel"]),
        (SyncTrigger.change(paths: ["core/a.md"]), ["chg"]),
        (SyncTrigger.change(paths: ["other/x.md"]), []),
        (SyncTrigger.manual(rules: []), ["man"]),
        (SyncTrigger.manual(rules: ["rel"]), ["man", "rel"]),
        (SyncTrigger.manual(rules: ["all"]), ["chg", "man", "rel"]),
        (SyncTrigger.schedule, ["rel"]),
    ])
    func selection(trigger: SyncTrigger, expected: [String]) throws {
        let (directory, source) = try Self.tree(["core/a.md": "# A\n"])
        _ = directory
        let rules = [
            try Self.rule("rel", source: "core/*.md", repository: "org/r", frequency: .onRelease),
            try Self.rule("chg", source: "core/*.md", repository: "org/c", frequency: .onChange),
            try Self.rule("man", source: "core/*.md", repository: "org/m", frequency: .manual),
        ]
        let plan = try Planner().plan(try Self.request(rules, source, trigger: trigger)).plan
        #expect(plan.targets.flatMap(\.rules).map(\.ruleID).sorted() == expected)
        #expect(plan.skippedRules.count == 3 - expected.count)
    }

    @Test("incremental mode plans only files whose rendered checksum differs from the state, and lists orphans")
    func incremental() throws {
        let (directory, source) = try Self.tree(["core/a.md": "# A\n", "core/b.md": "# B\n"])
        _ = directory
        let rules = [try Self.rule("r", source: "core/*.md")]
        let full = try Planner().plan(try Self.request(rules, source)).plan
        let a = try #require(full.targets.first?.rules.first?.files.first { $0.destination == "docs/a.md" })
        let state = TargetState(version: "v0.9.0", files: [
            "docs/a.md": .init(sha256: a.sha256, rule: "r"),
            "docs/b.md": .init(sha256: "0000", rule: "r"),
            "docs/gone.md": .init(sha256: "1111", rule: "r"),
            "docs/other.md": .init(sha256: "2222", rule: "someone-else"),
        ])
        let plan = try Planner().plan(try Self.request(rules, source, mode: .incremental, states: ["org/a": state])).plan
        let planned = try #require(plan.targets.first?.rules.first)
        #expect(planned.files.map(\.destination) == ["docs/b.md"])
        #expect(planned.files.first?.reason == "changed since the last sync")
        #expect(planned.skippedFiles.map(\.reason) == ["unchanged since the last sync"])
        #expect(planned.orphans == ["docs/gone.md"])
    }

    @Test("a failed rule skips its dependents and says so")
    func failedDependency() throws {
        let (directory, source) = try Self.tree(["core/t.md": "Hello {{nobody}}\n", "core/a.md": "# A\n"])
        _ = directory
        let rules = [
            try Self.rule("tpl", source: "core/t.md", strategy: .template),
            try Self.rule("after", source: "core/a.md", repository: "org/b", dependsOn: ["tpl"]),
        ]
        let output = try Planner().plan(try Self.request(rules, source))
        #expect(output.problems.map(\.ruleID) == ["tpl"])
        #expect(output.problems.first?.message.contains("'{{nobody}}'") == true)
        #expect(output.plan.skippedRules.map(\.reason) == [
            "failed: core/t.md: the template uses '{{nobody}}', which is not defined. Define it under the rule's variables, or use one of: release.date, release.source_repo, release.source_sha, release.tag, release.version, rule.id, rule.name, target.default_branch, target.full_name, target.name, target.owner, target.repo.",
            "skipped: depends on 'tpl', which failed",
        ])
    }

    @Test("binary files are copied byte for byte; symlinks are refused; target filters apply")
    func binaryAndSymlinks() throws {
        let (directory, _) = try Self.tree(["core/a.md": "# A\n"])
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0xFF])
        try png.write(to: directory.path("core/logo.png"))
        try FileManager.default.createSymbolicLink(atPath: directory.path("core/link.md").path, withDestinationPath: "/etc/passwd")
        let source = try SourceTree.workingTree(directory.url)
        let output = try Planner().plan(try Self.request([try Self.rule("r", source: "core/*")], source))
        let files = try #require(output.plan.targets.first?.rules.first?.files)
        #expect(files.map(\.destination) == ["docs/a.md", "docs/logo.png"])
        let logo = try #require(files.last)
        #expect(logo.binary && output.blobs[logo.sha256] == png)
        #expect(output.plan.notes == ["core/link.md: symbolic link: never followed (it could point outside the repository)"])
        let filtered = try Planner().plan(try Self.request([try Self.rule("r", source: "core/*")], source, targets: ["org/other"]))
        #expect(filtered.plan.targets.isEmpty)
        #expect(filtered.plan.skippedRules.first?.reason == "target not in target-repos")
    }

    @Test("the matrix balances targets by file count, deterministically")
    func matrix() throws {
        let (directory, source) = try Self.tree(Dictionary(uniqueKeysWithValues: (0..<10).map { ("core/f\($0).md", "# \($0)\n") }))
        _ = directory
        let rules = [
            try Self.rule("big", source: "core/*.md", repository: "org/big"),
            try Self.rule("s1", source: "core/f1.md", repository: "org/s1"),
            try Self.rule("s2", source: "core/f2.md", repository: "org/s2"),
            try Self.rule("s3", source: "core/f3.md", repository: "org/s3"),
        ]
        let plan = try Planner().plan(try Self.request(rules, source)).plan
        let shards = PlanMatrix.shards(plan, maxShards: 2)
        #expect(shards.map(\.targets) == [["org/big"], ["org/s1", "org/s2", "org/s3"]])
        #expect(PlanMatrix.json(shards) == #"{"include":[{"shard":"0","targets":"org/big"},{"shard":"1","targets":"org/s1,org/s2,org/s3"}]}"#)
        #expect(PlanMatrix.shards(plan, maxShards: 10).count == 4)
    }
}
