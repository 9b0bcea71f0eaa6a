import Diagnostics
import Foundation
import SyncCore
import SyncKit
import TestSupport
import Testing

/// One rule serving targets whose layouts differ: `{{target.<key>}}` in target_path and
/// templates, per-target values from sync_targets.yml, and overlaps checked after expansion.
@Suite("Per-target values")
struct TargetValuesTests {
    let loading = RuleLoadingTests()

    static func rule(_ id: String, repository: String = "org/a", path: String, branch: String? = nil) -> String {
        """
        sync_rule:
          id: "\(id)"
          source: "core/**/*.md"
          target_repo: "\(repository)"
          target_path: "\(path)"
          strategy: template
          frequency: on_release
        \(branch.map { "  target_branch: \($0)\n" } ?? "")
        """
    }

    @Test("sync_targets.yml entries carry values; target_path expands per target, the default rule's too")
    func expansion() throws {
        let targets = "repository:\n  - org/a: { team: web }\n  - org/b:\n      team: data\n  - org/c\n"
        let set = try loading.load(["a.yaml": Self.rule("sync-a", path: "teams/{{ target.team }}/{{target.name}}")], targets: targets,
                                   settings: "default_rule:\n  source: \"core/arch/*.md\"\n  target_path: \"handbook/{{target.owner}}-{{target.name}}\"\n")
        #expect(try #require(set.rule("sync-a")).targetPath == "teams/web/a/")
        #expect(try #require(set.rule("sync-a")).targetPathTemplate == "teams/{{ target.team }}/{{target.name}}/")
        #expect(try #require(set.rule("default-org-b")).targetPath == "handbook/org-b/")
        #expect(try #require(set.rule("default-org-b")).targetValues["team"] == "data")
        #expect(try #require(set.rule("default-org-c")).targetPath == "handbook/org-c/")
    }

    @Test("a value a target lacks, or one that is no folder name, is an error naming the rule's file and line", arguments: [
        ("teams/{{target.team}}/", "repository:\n  - org/a\n", "rules/a.yaml:2: target_path 'teams/{{target.team}}/' uses {{target.team}}, which org/a has no value for."),
        ("teams/{{target.team}}/", "repository:\n  - org/a: { team: \"x/y\" }\n", "rules/a.yaml:2: target_path 'teams/{{target.team}}/': {{target.team}} is 'x/y' for org/a, which is not one folder name."),
        ("teams/{{target.team}}/", "repository:\n  - org/a: { team: \"..\" }\n", "rules/a.yaml:2: target_path 'teams/{{target.team}}/': {{target.team}} is '..' for org/a, which is not one folder name."),
        ("teams/{{rule.id}}/", "repository:\n  - org/a\n", "rules/a.yaml:2: target_path 'teams/{{rule.id}}/' uses {{rule.id}}, which org/a has no value for."),
        ("teams/{{target.name/", "repository:\n  - org/a\n", "rules/a.yaml:2: target_path 'teams/{{target.name/' has '{{' without '}}'."),
    ])
    func badValues(_ path: String, _ targets: String, _ expected: String) throws {
        let errors = try loading.errors(["a.yaml": Self.rule("sync-a", path: path)], targets: targets)
        #expect(errors.map(\.description).contains { $0.hasPrefix(expected) }, "\(errors.map(\.description))")
    }

    @Test("an entry's values are names, never the built-in ones, and the entry is one repository", arguments: [
        ("repository:\n  - org/a: { owner: x }\n", "sync_targets.yml:2:", "'owner' is a value every target has"),
        ("repository:\n  - org/a: { \"bad key\": x }\n", "sync_targets.yml:2:", "'bad key' is not a value name"),
        ("repository:\n  - { org/a: {}, org/b: {} }\n", "sync_targets.yml:2:", "an entry with values is one repository"),
        ("repository:\n  - org/a: { team: null }\n", "sync_targets.yml:2:", "'team' of org/a has no value (YAML reads it as null)"),
        ("repository:\n  - org/a: { team: ~ }\n", "sync_targets.yml:2:", "'team' of org/a has no value (YAML reads it as null)"),
        ("repository:\n  - org/a: { team: \"  web\" }\n", "sync_targets.yml:2:", "'team' of org/a starts or ends with spaces"),
    ])
    func badEntries(_ targets: String, _ place: String, _ message: String) throws {
        let errors = try loading.errors([:], targets: targets)
        #expect(errors.contains { $0.description.hasPrefix(place) && $0.description.contains(message) }, "\(errors.map(\.description))")
    }

    @Test("templates see target.name, target.owner and the entry's values")
    func templates() throws {
        let directory = try TemporaryDirectory()
        try directory.write("core/a.md", "# {{target.name}} of {{target.owner}}, team {{target.team}}\n")
        let source = try SourceTree.workingTree(directory.url)
        var rule = SyncRule(id: "t", source: try Glob("core/*.md"), targetRepository: "org/web", targetPath: "docs/", strategy: .template,
                            frequency: .onRelease, file: "rules/t.yaml", line: 2)
        rule.targetVariables = ["team": "frontend"]
        let output = try Planner().plan(try PlannerTests.request([rule], source))
        let file = try #require(output.plan.targets.first?.rules.first?.files.first)
        let text = String(decoding: try #require(output.blobs[file.sha256]), as: UTF8.self)
        #expect(text.contains("# web of org, team frontend"), "\(text)")
    }

    @Test("two rules writing one path overlap only on the same branch")
    func overlapByBranch() throws {
        let (directory, source) = try PlannerTests.tree(["core/a.md": "# A\n"])
        _ = directory
        func rule(_ id: String, branch: String?) throws -> SyncRule {
            var rule = try PlannerTests.rule(id, source: "core/*.md")
            rule.targetBranch = branch
            return rule
        }
        #expect(try Planner().plan(try PlannerTests.request([try rule("one", branch: "main"), try rule("two", branch: "release")], source)).plan.fileCount == 2)
        for (first, second) in [("main", "main"), (nil, "release"), (nil, nil)] as [(String?, String?)] {
            do {
                _ = try Planner().plan(try PlannerTests.request([try rule("one", branch: first), try rule("two", branch: second)], source))
                Issue.record("\(first ?? "default") and \(second ?? "default") accepted")
            } catch PlanError.configuration(let errors) {
                #expect(errors.diagnostics.first?.message.contains("both write docs/a.md in org/a on \(first ?? second ?? "the default branch")") == true,
                        "\(errors.diagnostics.map(\.message))")
            }
        }
    }
}
