import Testing

/// One rule type checked on a repository that passes and on one that fails, with the
/// locations the failing repository's findings must have.
struct RuleCase: Sendable, CustomTestStringConvertible {
    var name: String
    /// The rule's YAML below `- id: rule-under-test` (indented by four spaces).
    var rule: String
    var passing: [String: String]
    var failing: [String: String]
    /// `file:line` of each finding on the failing repository, in report order.
    var expected: [String]

    var testDescription: String { name }

    /// The policy file: the rule under test starts on line 2.
    var policy: String {
        "rules:\n  - id: rule-under-test\n    remediation: Fix it.\n" + rule.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
    }
}

extension RuleCase {
    static let agent = "---\nname: planner\nversion: 1.2.0\nowner: \"@org/agents\"\n---\n# Planner\n"
    static let schema = #"{"type": "object", "required": ["name", "replicas"], "properties": {"name": {"type": "string"}, "replicas": {"type": "integer"}}}"#

    static let all: [RuleCase] = [
        RuleCase(
            name: "file-exists (any): one of the globs matches",
            rule: "type: file-exists\noptions: { globs: [README.md, \"docs/*.md\"] }",
            passing: ["docs/guide.md": "x"], failing: ["notes.txt": "x"], expected: ["policy.yml:2"]
        ),
        RuleCase(
            name: "file-exists (all): every glob matches, one finding per missing glob",
            rule: "type: file-exists\noptions: { globs: [README.md, SECURITY.md, CONTRIBUTING.md], match: all }",
            passing: ["README.md": "x", "SECURITY.md": "x", "CONTRIBUTING.md": "x"], failing: ["README.md": "x"],
            expected: ["policy.yml:2", "policy.yml:2"]
        ),
        RuleCase(
            name: "file-not-exists: each matching file is a finding on that file",
            rule: "type: file-not-exists\noptions: { globs: [\"**/*.orig\", \"**/*.rej\"] }",
            passing: ["agents/a.md": "x"], failing: ["agents/a.md": "x", "agents/a.md.orig": "x", "core/b.rej": "x"],
            expected: ["agents/a.md.orig:1", "core/b.rej:1"]
        ),
        RuleCase(
            name: "directory-exists (all): every folder exists",
            rule: "type: directory-exists\noptions: { paths: [agents, core/], match: all }",
            passing: ["agents/a.md": "x", "core/b.md": "x"], failing: ["agents/a.md": "x"], expected: ["policy.yml:2"]
        ),
        RuleCase(
            name: "file-contents: files in scope without a match are findings",
            rule: "type: file-contents\nwhere: [\"agents/*.md\"]\noptions: { pattern: '^# \\S' }",
            passing: ["agents/a.md": agent, "other.md": "no heading"], failing: ["agents/a.md": agent, "agents/b.md": "text\n## not level one\n"],
            expected: ["agents/b.md:1"]
        ),
        RuleCase(
            name: "file-not-contents: each match is a finding on its line, case-insensitive when asked",
            rule: "type: file-not-contents\noptions: { pattern: 'do not distribute', case_insensitive: true }",
            passing: ["a.md": "fine\n"], failing: ["a.md": "one\ntwo DO NOT DISTRIBUTE\nthree\nDo not distribute\n"],
            expected: ["a.md:2", "a.md:4"]
        ),
        RuleCase(
            name: "frontmatter: missing frontmatter, wrong types and missing keys are findings on their lines",
            rule: "type: frontmatter\nwhere: [\"agents/**/*.md\"]\noptions:\n  keys: { name: string, version: semver, owner: owner }",
            passing: ["agents/a.md": agent, "README.md": "no frontmatter needed"],
            failing: ["agents/a.md": "---\nname: a\nversion: 1.0\nowner: nobody\n---\n", "agents/deep/b.md": "# B\n", "agents/c.md": "---\nname: c\nowner: \"@o/t\"\n---\n"],
            expected: ["agents/a.md:3", "agents/a.md:4", "agents/c.md:1", "agents/deep/b.md:1"]
        ),
        RuleCase(
            name: "large-file: files over the limit are findings",
            rule: "type: large-file\noptions: { max_bytes: 16 }",
            passing: ["a.txt": "sixteen bytes!!\n"], failing: ["a.txt": "sixteen bytes!!\n", "b.txt": "seventeen bytes!\n"],
            expected: ["b.txt:1"]
        ),
        RuleCase(
            name: "json-schema: JSON and YAML files are validated, YAML errors point at the value's line",
            rule: "type: json-schema\nwhere: [\"config/*\"]\noptions: { schema: schemas/service.schema.json }",
            passing: ["schemas/service.schema.json": schema, "config/a.yaml": "name: a\nreplicas: 2\n", "config/b.json": #"{"name": "b", "replicas": 1}"#],
            failing: ["schemas/service.schema.json": schema, "config/a.yaml": "name: a\nreplicas: two\n", "config/b.json": #"{"name": 3, "replicas": 1}"#, "config/c.json": "{\n  \"name\": \n}"],
            expected: ["config/a.yaml:2", "config/b.json:1", "config/c.json:3"]
        ),
        RuleCase(
            name: "codeowners: files without an owner are findings; .github/CODEOWNERS wins over the root one",
            rule: "type: codeowners\nwhere: [\"agents/**\"]",
            passing: [".github/CODEOWNERS": "/agents/ @org/agents\n", "CODEOWNERS": "/core/ @org/core\n", "agents/a.md": "x"],
            failing: [".github/CODEOWNERS": "/agents/ @org/agents\n/agents/private/\n/docs/ not-an-owner\n", "agents/a.md": "x", "agents/private/b.md": "x"],
            expected: [".github/CODEOWNERS:3", "agents/private/b.md:1"]
        ),
        RuleCase(
            name: "codeowners: no CODEOWNERS file points at the rule",
            rule: "type: codeowners",
            passing: ["docs/CODEOWNERS": "* @org/all\n", "a.md": "x"], failing: ["a.md": "x"], expected: ["policy.yml:2"]
        ),
        RuleCase(
            name: "license-file: found whatever its case, and an empty one is a finding",
            rule: "type: license-file",
            passing: ["License.md": "All rights reserved.\n"], failing: ["license.txt": "  \n"], expected: ["license.txt:1"]
        ),
        RuleCase(
            name: "license-file: no licence file points at the rule",
            rule: "type: license-file\noptions: { names: [COPYING] }",
            passing: ["COPYING": "GPL"], failing: ["LICENSE": "MIT"], expected: ["policy.yml:2"]
        ),
        RuleCase(
            name: "sync-rules-load: every rule file loads as plan-sync loads it",
            rule: "type: sync-rules-load\noptions: { folder: rules }",
            passing: ["rules/a.yaml": validSyncRule, "rules/notes.md": "not a rule", "rules/archived/old.yaml": "other: 1\n"],
            failing: ["rules/a.yaml": validSyncRule, "rules/b.yaml": "# comment\nother: 1\n", "rules/c.yaml": "sync_rule:\n  - a\n", "rules/d.yaml": "sync_rule: {\n"],
            expected: ["rules/b.yaml:2", "rules/c.yaml:2", "rules/d.yaml:2"]
        ),
        RuleCase(
            name: "sync-rules-load: a missing folder is a finding unless not required",
            rule: "type: sync-rules-load\noptions: { folder: rules }",
            passing: ["rules/a.yaml": validSyncRule], failing: ["a.md": "x"], expected: ["policy.yml:2"]
        ),
        RuleCase(
            name: "glyph-assets: every agent has assets/glyphs/<name>.svg, named in lower case as render-glyphs writes it; README.md needs none",
            rule: "type: glyph-assets\nwhere: [\"agents/*.md\"]",
            passing: ["agents/planner.md": agent, "agents/Reviewer.md": agent, "agents/README.md": "# Agents\n",
                      "assets/glyphs/planner.svg": "<svg/>", "assets/glyphs/reviewer.svg": "<svg/>"],
            failing: ["agents/planner.md": agent, "agents/reviewer.md": agent, "assets/glyphs/planner.svg": "<svg/>"],
            expected: ["agents/reviewer.md:1"]
        ),
        RuleCase(
            name: "glyph-assets: required, a missing glyph folder points at the rule",
            rule: "type: glyph-assets\nwhere: [\"agents/*.md\"]\noptions: { required: true }",
            passing: ["agents/planner.md": agent, "assets/glyphs/planner.svg": "<svg/>"], failing: ["agents/planner.md": agent],
            expected: ["policy.yml:2"]
        ),
    ]
}

/// A rule file plan-sync accepts.
private let validSyncRule = """
sync_rule:
  id: a
  source: "core/**/*.md"
  target_repo: org/a
  target_path: docs/
  strategy: copy
  frequency: manual
"""
