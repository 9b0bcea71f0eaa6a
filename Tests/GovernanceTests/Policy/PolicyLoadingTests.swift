import Diagnostics
import Foundation
import Governance
import SyncCore
import Testing

@Suite("Governance policy loading")
struct PolicyLoadingTests {
    static let base = """
    rules:
      - id: licence
        level: error
        type: license-file
        policy_url: https://example.com/standards#licence
        remediation: Add a LICENSE file.
      - id: heading
        level: warning
        where: ["docs/*.md"]
        type: file-contents
        options: { pattern: '^# ' }
        remediation: Start with a heading.
      - id: todo
        level: error
        type: file-not-contents
        options: { pattern: TODO }
        remediation: Finish the work.

    """

    @Test("a child policy overrides parent rules by id, changes only the fields it sets, and adds its own")
    func extends() throws {
        let fixture = try AuditFixture([
            "policies/base.yml": Self.base,
            ".github/policy.yml": """
            extends: ../policies/base.yml
            rules:
              - id: heading
                level: error
                where: ["agents/*.md"]
              - id: todo
                level: off
              - id: licence
                type: license-file
                options: { names: [COPYING] }
                remediation: Add COPYING.
              - id: owners
                type: codeowners
                remediation: Add an owner.

            """,
        ])
        let policy = try fixture.policy(".github/policy.yml")
        #expect(policy.chain == [".github/policy.yml", "policies/base.yml"])
        #expect(policy.rules.map(\.id) == ["licence", "heading", "todo", "owners"])
        let heading = try #require(policy.rule("heading"))
        #expect(heading.level == .error)
        #expect(heading.scope.map(\.pattern) == ["agents/*.md"])
        #expect(heading.remediation == "Start with a heading.")
        #expect("\(heading.file):\(heading.line)" == ".github/policy.yml:3")
        #expect(policy.rule("todo")?.level == .off)
        #expect(policy.activeRules.map(\.id) == ["licence", "heading", "owners"])
        let licence = try #require(policy.rule("licence"))
        #expect(licence.remediation == "Add COPYING.")
        #expect(licence.policyURL == nil, "a full replacement does not inherit the parent's fields")
        #expect(licence.summary.contains("`COPYING`"))
    }

    @Test("the rule a child switches off no longer runs")
    func switchedOff() throws {
        let fixture = try AuditFixture([
            "base.yml": Self.base,
            "policy.yml": "extends: base.yml\nrules:\n  - id: todo\n    level: off\n",
            "LICENSE": "x", "notes.md": "TODO\n",
        ])
        #expect(try fixture.audit().findings.isEmpty)
        #expect(try fixture.audit(policy: "base.yml").locations == ["notes.md:1"])
    }

    @Test("a cycle of extends is an error naming every file, at the extends line")
    func cycle() throws {
        let fixture = try AuditFixture([
            "a.yml": "extends: b.yml\nrules: []\n",
            "b.yml": "rules: []\nextends: sub/c.yml\n",
            "sub/c.yml": "extends: ../a.yml\n",
        ])
        let error = try #require(throws: DiagnosticGroup.self) { try fixture.policy("a.yml") }
        #expect(error.diagnostics.map(\.description) == ["sub/c.yml:1:10: 'extends' makes a cycle: a.yml → b.yml → sub/c.yml → a.yml. Remove 'extends' from one of these files."])
    }

    @Test("a policy that extends itself is a cycle")
    func selfCycle() throws {
        let fixture = try AuditFixture(["p.yml": "extends: ./p.yml\n"])
        let error = try #require(throws: DiagnosticGroup.self) { try fixture.policy("p.yml") }
        #expect(error.diagnostics.first?.message == "'extends' makes a cycle: p.yml → p.yml.")
    }

    @Test("broken policies name file, line and the fix", arguments: [
        ("rules:\n  - id: a\n    type: file-exist\n    remediation: x\n", "policy.yml:3:11: unknown rule type 'file-exist'. Did you mean 'file-exists'?"),
        ("rules:\n  - id: a\n    type: license-file\n", "policy.yml:2:5: rule 'a' needs a 'remediation'"),
        ("rules:\n  - id: a\n    level: fatal\n    type: license-file\n    remediation: x\n", "policy.yml:3:12: 'level' must be error, warning or off; found 'fatal'."),
        ("rules:\n  - id: a\n    type: file-contents\n    options: { pattern: '(' }\n    remediation: x\n", "policy.yml:4:25: pattern '(' is refused: it is not a valid regular expression"),
        ("rules:\n  - id: a\n    type: file-contents\n    options: { pattern: '(x+x+)+y' }\n    remediation: x\n", "policy.yml:4:25: pattern '(x+x+)+y' is refused: the group (x+x+)+ repeats something that repeats"),
        ("rules:\n  - id: a\n    type: file-contents\n    remediation: x\n", "policy.yml:2:5: rule type 'file-contents' needs the option 'pattern'."),
        ("rules:\n  - id: a\n    type: large-file\n    options: { max_byte: 3 }\n    remediation: x\n", "policy.yml:4:16: unknown key 'max_byte' in 'rules[0].options'. Did you mean 'max_bytes'?"),
        ("rules:\n  - id: a\n    type: frontmatter\n    options: { keys: { version: semvar } }\n    remediation: x\n", "policy.yml:4:33: unknown frontmatter type 'semvar' for key 'version'. Did you mean 'semver'?"),
        ("rules:\n  - id: a\n    remediation: x\n", "policy.yml:2:5: rule 'a' has no 'type' and overrides no rule"),
        ("rules:\n  - id: a\n    type: codeowners\n    remediation: x\n  - id: a\n    type: codeowners\n    remediation: y\n", "policy.yml:5:5: rule id 'a' is defined twice in this file (first at line 2)."),
        ("extends: ../../outside.yml\n", "policy.yml:1:10: 'extends: ../../outside.yml' points outside the repository."),
        ("extends: missing.yml\n", "policy.yml:1:10: the policy 'missing.yml' it extends cannot be read: file not found."),
        ("rules:\n  - id: a\n    type: license-file\n    where: [\"*\"]\n    remediation: x\n", "policy.yml:4:12: 'where' has no effect on a rule of type 'license-file'"),
        ("rule: []\n", "policy.yml:1:1: unknown key 'rule' in the document. Did you mean 'rules'?"),
    ])
    func brokenPolicy(text: String, expected: String) throws {
        let fixture = try AuditFixture(["policy.yml": text])
        let error = try #require(throws: DiagnosticGroup.self) { try fixture.policy("policy.yml") }
        let first = try #require(error.diagnostics.first)
        #expect(first.description.hasPrefix(expected), "\(first.description)")
    }

    @Test("the built-in default policy loads and covers agents/ and core/")
    func builtInDefault() throws {
        let policy = PolicyLoader.builtInDefault()
        #expect(policy.chain == ["builtin:default"])
        #expect(Set(policy.rules.map(\.type)).isSuperset(of: [.licenseFile, .frontmatter, .codeOwners, .syncRulesLoad, .glyphAssets]))
        #expect(policy.rules.allSatisfy { !$0.remediation.isEmpty })
        let frontmatter = try #require(policy.rule("agent-frontmatter"))
        #expect(frontmatter.covers("agents/planner.md") && !frontmatter.covers("core/a.md"))
    }

    @Test("a policy can extend the built-in default and point its repository-level findings at itself")
    func extendsBuiltIn() throws {
        let fixture = try AuditFixture([
            "policy.yml": "extends: builtin:default\nrules:\n  - id: sync-rules-load\n    level: off\n",
            "agents/planner.md": RuleCase.agent,
            "CODEOWNERS": "* @org/all\n",
        ])
        let result = try fixture.audit()
        #expect(result.findings.map(\.ruleId) == ["license-file"])
        #expect(result.locations == ["policy.yml:1"])
    }

    @Test("the default policy finds credentials and conflict markers on their lines, and not setext headings")
    func defaultContentRules() throws {
        let token = "ghp_" + String(String(repeating: "A1b2C3d4E5", count: 4).prefix(36))
        let fixture = try AuditFixture([
            "core/a.md": "Title\n=======\n\ntoken: \(token)\n<<<<<<< ours\nx\n>>>>>>> theirs\n",
            "agents/planner.md": RuleCase.agent, "LICENSE": "x", "CODEOWNERS": "* @org/all\n",
            "policy.yml": "extends: builtin:default\nrules:\n  - id: sync-rules-load\n    level: off\n",
        ])
        let result = try fixture.audit()
        #expect(result.findings.map { "\($0.ruleId) \($0.location)" } == ["no-secrets core/a.md:4:8", "no-conflict-markers core/a.md:5:1", "no-conflict-markers core/a.md:7:1"])
    }
}
