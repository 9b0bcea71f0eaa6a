import Diagnostics
import Foundation
import SyncCore
import SyncKit
import TestSupport
import Testing

/// Every configuration error plan-sync reports, with its file, line and message.
@Suite("Sync rule loading")
struct RuleLoadingTests {
    static let valid = """
    sync_rule:
      id: "sync-a"
      source: "core/**/*.md"
      target_repo: "org/a"
      target_path: "docs/"
      strategy: copy
      frequency: on_release
    """

    func load(_ files: [String: String], targets: String? = nil, settings: String? = nil) throws -> RuleSet {
        let directory = try TemporaryDirectory()
        for (name, text) in files { try directory.write("rules/\(name)", text) }
        if let targets { try directory.write("sync_targets.yml", targets) }
        if let settings { try directory.write("settings.yml", settings) }
        return try RuleSet.load(
            rulesFolder: directory.path("rules"), rulesFolderName: "rules",
            targetsFile: (directory.path("sync_targets.yml"), "sync_targets.yml"),
            settingsFile: (directory.path("settings.yml"), "settings.yml")
        )
    }

    /// The configuration errors of loading `files`; any other failure (the temporary folder) throws.
    func errors(_ files: [String: String], targets: String? = nil, settings: String? = nil) throws -> [Diagnostic] {
        do {
            _ = try load(files, targets: targets, settings: settings)
            return []
        } catch let errors as DiagnosticGroup {
            return errors.diagnostics
        }
    }

    @Test("the spec's example rule loads with every field")
    func specExample() throws {
        let rules = try load(["a.yaml": """
        sync_rule:
          id: "sync-webapp-orchestrator"
          source: "core/orchestrator/**/*.md"
          target_repo: "org/webapp"
          target_path: "docs/agent33/orchestrator/"
          strategy: copy
          frequency: on_release
          filters:
            include:
              - "core/orchestrator/*.md"
            exclude:
              - "core/orchestrator/distribution/**"
          transforms:
            - strip_internal_links: true
            - rewrite_paths:
                from: "core/"
                to: "docs/agent33/"
          validation:
            checksum: true
            schema_check: false
        """])
        let rule = try #require(rules.rule("sync-webapp-orchestrator"))
        #expect(rule.source.staticPrefix == "core/orchestrator/")
        #expect(rule.transforms == [.stripInternalLinks, .rewritePaths(from: "core/", to: "docs/agent33/")])
        #expect(rule.schemaCheck == false)
        #expect(rule.destination(of: "core/orchestrator/handoff/H.md") == "docs/agent33/orchestrator/handoff/H.md")
        #expect(rule.filter.selects("core/orchestrator/A.md"))
        #expect(!rule.filter.selects("core/orchestrator/handoff/H.md"))
        #expect(rule.file == "rules/a.yaml" && rule.line == 2)
    }

    struct BadCase: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var line: Int?
        var message: String
        var testDescription: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(name: "malformed YAML", yaml: "sync_rule:\n  id: [a\n", line: 3, message: "malformed YAML"),
        BadCase(name: "unknown key with a suggestion", yaml: valid.replacingOccurrences(of: "  strategy: copy", with: "  strategy: copy\n  frequncy: manual"), line: 7, message: "unknown key 'frequncy' in 'sync_rule'. Did you mean 'frequency'?"),
        BadCase(name: "unknown top-level key", yaml: "sync_rules:\n  id: a\n", line: 1, message: "unknown key 'sync_rules' in the document. Did you mean 'sync_rule'?"),
        BadCase(name: "missing required key", yaml: valid.replacingOccurrences(of: "  target_repo: \"org/a\"\n", with: ""), line: 2, message: "'sync_rule.target_repo' is required (or target_repos, a list of repositories and selectors)."),
        BadCase(name: "wrong type", yaml: valid.replacingOccurrences(of: "  target_path: \"docs/\"", with: "  target_path: [docs]"), line: 5, message: "'sync_rule.target_path' must be a string; found a list."),
        BadCase(name: "unknown strategy", yaml: valid.replacingOccurrences(of: "strategy: copy", with: "strategy: cpy"), line: 6, message: "unknown strategy 'cpy'. Did you mean 'copy'?"),
        BadCase(name: "unknown frequency", yaml: valid.replacingOccurrences(of: "frequency: on_release", with: "frequency: hourly"), line: 7, message: "unknown frequency 'hourly'."),
        BadCase(name: "invalid org/repo", yaml: valid.replacingOccurrences(of: "\"org/a\"", with: "\"just-a-name\""), line: 4, message: "target_repo 'just-a-name' is not a repository name; write it as org/repo."),
        BadCase(name: "invalid glob", yaml: valid.replacingOccurrences(of: "\"core/**/*.md\"", with: "\"core/[abc/*.md\""), line: 3, message: "source 'core/[abc/*.md' is not a valid glob"),
        BadCase(name: "absolute target path", yaml: valid.replacingOccurrences(of: "\"docs/\"", with: "\"/etc/\""), line: 5, message: "target_path '/etc/' is absolute; paths are relative to the repository root."),
        BadCase(name: "target path escaping the repository", yaml: valid.replacingOccurrences(of: "\"docs/\"", with: "\"docs/../../x/\""), line: 5, message: "target_path 'docs/../../x/' contains '..' and could escape the repository."),
        BadCase(name: "target path into .git", yaml: valid.replacingOccurrences(of: "\"docs/\"", with: "\".git/hooks/\""), line: 5, message: "points into '.git'"),
        BadCase(name: "bad transform", yaml: valid + "\n  transforms:\n    - rewrite_paths:\n        from: \"core/\"\n", line: 10, message: "'sync_rule.transforms[0].rewrite_paths.to' is required."),
        BadCase(name: "empty rule file", yaml: "", line: 1, message: "the rule file is empty."),
    ]

    @Test("a broken rule file is refused with file, line and what to do", arguments: badCases)
    func badRule(_ bad: BadCase) throws {
        let found = try errors(["bad.yaml": bad.yaml])
        let error = try #require(found.first, "accepted: \(bad.name)")
        #expect(error.file == "rules/bad.yaml")
        #expect(error.line == bad.line, "\(error)")
        #expect(error.description.contains(bad.message), "\(error)")
    }

    @Test("duplicate rule ids name both places")
    func duplicateIDs() throws {
        let found = try errors(["a.yaml": Self.valid, "b.yaml": Self.valid.replacingOccurrences(of: "org/a", with: "org/b")])
        #expect(found.map(\.description) == ["rules/b.yaml:2: duplicate rule id 'sync-a': also defined at rules/a.yaml:2. Rule ids must be unique; they name branches."])
    }

    @Test("depends_on naming a missing rule is refused with a suggestion")
    func missingDependency() throws {
        let found = try errors(["a.yaml": Self.valid + "\n  depends_on: [sync-b]", "b.yaml": Self.valid.replacingOccurrences(of: "sync-a", with: "sync-bb")])
        #expect(found.map(\.message) == ["rule 'sync-a' depends on 'sync-b', which no rule defines. Did you mean 'sync-bb'?"])
    }

    @Test("a dependency cycle is printed")
    func cycle() throws {
        func rule(_ id: String, dependsOn: String) -> String {
            Self.valid.replacingOccurrences(of: "sync-a", with: id) + "\n  depends_on: [\(dependsOn)]"
        }
        let found = try errors(["a.yaml": rule("a", dependsOn: "b"), "b.yaml": rule("b", dependsOn: "c"), "c.yaml": rule("c", dependsOn: "a")])
        #expect(found.map(\.message) == ["depends_on forms a cycle: a → b → c → a."])
    }

    @Test("rules come in dependency order, ties by id")
    func order() throws {
        func rule(_ id: String, dependsOn: [String]) -> String {
            Self.valid.replacingOccurrences(of: "sync-a", with: id) + "\n  depends_on: [\(dependsOn.joined(separator: ", "))]"
        }
        let set = try load(["1.yaml": rule("d", dependsOn: ["b"]), "2.yaml": rule("b", dependsOn: []), "3.yaml": rule("c", dependsOn: ["b"]), "4.yaml": rule("a", dependsOn: ["d"])])
        #expect(set.rules.map(\.id) == ["b", "c", "d", "a"])
    }

    @Test("sync_targets.yml gives listed repositories without a rule the default rule from the settings")
    func targetsShorthand() throws {
        let set = try load(["a.yaml": Self.valid], targets: "repository:\n  - \"org/a\"\n  - \"org/b\"\n", settings: "default_rule:\n  source: \"core/arch/*.md\"\n  target_path: handbook\n")
        #expect(set.rules.map(\.id) == ["default-org-b", "sync-a"])
        let rule = try #require(set.rule("default-org-b"))
        #expect(rule.targetPath == "handbook/")
        #expect(rule.source.pattern == "core/arch/*.md")
        #expect(rule.file == "sync_targets.yml" && rule.line == 3)
        #expect(try errors([:], targets: "repository:\n  - \"bad name\"\n").map(\.description) == ["sync_targets.yml:2:5: 'bad name' is not a repository name; write it as org/repo."])
    }

    @Test("settings are validated too")
    func settings() throws {
        #expect(try errors(["a.yaml": Self.valid], settings: "namespace: Agent_33\n").first?.message.contains("namespace 'Agent_33'") == true)
        #expect(try errors(["a.yaml": Self.valid], settings: "branch_template: sync/{version}\n").first?.message.contains("must contain {rule-id}") == true)
        #expect(try errors(["a.yaml": Self.valid], settings: "staleness:\n  days: 3\n").first?.message.contains("unknown key 'days'") == true)
    }

    @Test("archived rules and other files are not loaded")
    func archived() throws {
        let set = try load(["a.yaml": Self.valid, "archived/old.yaml": "not: [valid", "README.md": "# rules"])
        #expect(set.rules.map(\.id) == ["sync-a"])
    }
}
